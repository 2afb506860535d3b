<?xml version="1.0" encoding="UTF-8"?>
<!-- fragment.xsl — the article body alone, as HTML to paste into the
     portal's editor.

     Input: the article XML (data/article.rng).
     Override: a fragment.xsl in $XDG_CONFIG_HOME/toasoan/templates/.
     SPDX-License-Identifier: GPL-3.0-or-later -->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:h="http://www.w3.org/1999/xhtml"
                exclude-result-prefixes="h">

  <xsl:include href="body.xsl"/>

  <xsl:output method="html" encoding="UTF-8" indent="no"/>

  <xsl:template match="/article">
    <xsl:apply-templates select="content/h:body/node()" mode="body"/>
  </xsl:template>

</xsl:stylesheet>
