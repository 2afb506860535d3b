<?xml version="1.0" encoding="UTF-8"?>
<!-- page.xsl — one article as a standalone HTML5 page laid out like the
     portal's article view: title, date line, bold lead, body with
     captioned photos, byline on the right. The CSS is inline so the page
     needs nothing but its images.

     Input: the article XML (data/article.rng). Parameters, given by the
     exporter already translated:
       preview     — when not empty, the text of the banner that marks a
                     page made from an unapproved article;
       date-label  — the words before the date ("Ngày đăng:").
     Override: a page.xsl in $XDG_CONFIG_HOME/toasoan/templates/.
     SPDX-License-Identifier: GPL-3.0-or-later -->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:h="http://www.w3.org/1999/xhtml"
                exclude-result-prefixes="h">

  <xsl:include href="body.xsl"/>

  <xsl:output method="html" encoding="UTF-8" indent="no"/>

  <xsl:param name="preview" select="''"/>
  <xsl:param name="date-label" select="''"/>

  <xsl:variable name="css">
body { margin: 0; background: #fff; color: #222; font: 16px/1.6 "Times New Roman", Times, serif; }
.toa-article { max-width: 760px; margin: 24px auto; padding: 0 16px; }
.toa-preview { margin: 0 0 16px; padding: 8px 12px; border: 2px solid #c62828; background: #fdecea;
  color: #c62828; font: bold 15px Arial, sans-serif; text-align: center; text-transform: uppercase; }
.toa-category { margin: 0; color: #1565c0; font: bold 13px Arial, sans-serif; text-transform: uppercase; }
.toa-title { margin: 8px 0; color: #0d47a1; font: bold 24px/1.3 Arial, sans-serif; }
.toa-date { margin: 0 0 12px; color: #777; font: italic 13px Arial, sans-serif; }
.toa-lead { font-weight: bold; text-align: justify; }
.toa-body p, .toa-body li { text-align: justify; }
.toa-body figure { margin: 16px auto; text-align: center; }
.toa-body img { max-width: 100%; height: auto; }
.toa-body figcaption { color: #444; font-size: 14px; font-style: italic; }
.toa-body table { border-collapse: collapse; margin: 12px 0; }
.toa-body th, .toa-body td { border: 1px solid #999; padding: 4px 8px; }
.toa-byline { margin-top: 16px; font-weight: bold; text-align: right; }
  </xsl:variable>

  <xsl:template match="/article">
    <html lang="vi">
      <head>
        <meta charset="UTF-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <xsl:if test="$preview != ''">
          <meta name="robots" content="noindex"/>
        </xsl:if>
        <title><xsl:value-of select="content/title"/></title>
        <style><xsl:value-of select="$css"/></style>
      </head>
      <body>
        <article class="toa-article">
          <xsl:if test="$preview != ''">
            <p class="toa-preview"><xsl:value-of select="$preview"/></p>
          </xsl:if>
          <xsl:if test="content/category != ''">
            <p class="toa-category"><xsl:value-of select="content/category"/></p>
          </xsl:if>
          <h1 class="toa-title"><xsl:value-of select="content/title"/></h1>
          <xsl:call-template name="date-line"/>
          <xsl:if test="content/lead != ''">
            <p class="toa-lead"><strong><xsl:value-of select="content/lead"/></strong></p>
          </xsl:if>
          <div class="toa-body">
            <xsl:apply-templates select="content/h:body/node()" mode="body"/>
          </div>
          <xsl:if test="content/byline != ''">
            <p class="toa-byline"><xsl:value-of select="content/byline"/></p>
          </xsl:if>
        </article>
      </body>
    </html>
  </xsl:template>

  <!-- The date shown is the one the editor chose, else the publication
       date, else the last change, written dd/mm/yyyy. -->
  <xsl:template name="date-line">
    <xsl:variable name="date">
      <xsl:choose>
        <xsl:when test="content/display-date"><xsl:value-of select="content/display-date"/></xsl:when>
        <xsl:when test="published"><xsl:value-of select="substring(published, 1, 10)"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="substring(updated, 1, 10)"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <p class="toa-date">
      <xsl:if test="$date-label != ''">
        <xsl:value-of select="concat($date-label, ' ')"/>
      </xsl:if>
      <time datetime="{$date}">
        <xsl:value-of select="concat(substring($date, 9, 2), '/', substring($date, 6, 2), '/', substring($date, 1, 4))"/>
      </time>
    </p>
  </xsl:template>

</xsl:stylesheet>
