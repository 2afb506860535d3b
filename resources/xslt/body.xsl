<?xml version="1.0" encoding="UTF-8"?>
<!-- body.xsl — the article body as HTML, shared by fragment.xsl and
     page.xsl (mode "body").

     Only the allowlisted elements are ever written, each built by name
     with only its own attributes; anything else contributes its text
     alone. Text goes out through the serializer, which escapes it.

     Override: a body.xsl in $XDG_CONFIG_HOME/toasoan/templates/.
     SPDX-License-Identifier: GPL-3.0-or-later -->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:h="http://www.w3.org/1999/xhtml"
                exclude-result-prefixes="h">

  <xsl:template match="h:p | h:h2 | h:h3 | h:h4 | h:strong | h:em | h:u | h:s | h:sub | h:sup
                       | h:blockquote | h:ul | h:li | h:figcaption
                       | h:table | h:thead | h:tbody | h:tr" mode="body">
    <xsl:element name="{local-name()}">
      <xsl:apply-templates mode="body"/>
    </xsl:element>
  </xsl:template>

  <xsl:template match="h:br" mode="body">
    <br/>
  </xsl:template>

  <xsl:template match="h:a" mode="body">
    <a href="{@href}">
      <xsl:apply-templates mode="body"/>
    </a>
  </xsl:template>

  <xsl:template match="h:ol" mode="body">
    <ol>
      <xsl:if test="@start">
        <xsl:attribute name="start"><xsl:value-of select="number(@start)"/></xsl:attribute>
      </xsl:if>
      <xsl:apply-templates mode="body"/>
    </ol>
  </xsl:template>

  <xsl:template match="h:th | h:td" mode="body">
    <xsl:element name="{local-name()}">
      <xsl:if test="@colspan">
        <xsl:attribute name="colspan"><xsl:value-of select="number(@colspan)"/></xsl:attribute>
      </xsl:if>
      <xsl:if test="@rowspan">
        <xsl:attribute name="rowspan"><xsl:value-of select="number(@rowspan)"/></xsl:attribute>
      </xsl:if>
      <xsl:apply-templates mode="body"/>
    </xsl:element>
  </xsl:template>

  <xsl:template match="h:figure" mode="body">
    <figure>
      <xsl:apply-templates mode="body"/>
    </figure>
  </xsl:template>

  <!-- The caption describes the photo better than an empty alt; the
       exporter replaces "media:N" by the image file it writes. -->
  <xsl:template match="h:img" mode="body">
    <xsl:variable name="caption" select="normalize-space(../h:figcaption)"/>
    <img src="{@src}">
      <xsl:attribute name="alt">
        <xsl:choose>
          <xsl:when test="$caption != ''"><xsl:value-of select="$caption"/></xsl:when>
          <xsl:otherwise><xsl:value-of select="@alt"/></xsl:otherwise>
        </xsl:choose>
      </xsl:attribute>
    </img>
  </xsl:template>

  <xsl:template match="*" mode="body">
    <xsl:apply-templates mode="body"/>
  </xsl:template>

  <xsl:template match="text()" mode="body">
    <xsl:value-of select="."/>
  </xsl:template>

  <xsl:template match="comment() | processing-instruction()" mode="body"/>

</xsl:stylesheet>
