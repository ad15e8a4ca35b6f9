<?xml version="1.0" encoding="UTF-8"?>
<!-- The HTML editions of a model view, rendered by html-common.xsl: the reading edition (the reading view: the
     edited text) and the diplomatic edition (the diplomatic view: one witness as transmitted). The driver applies this
     stylesheet to the view the edition names and says which edition it is; one stylesheet, compiled once, for both. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    exclude-result-prefixes="#all">

  <xsl:import href="html-common.xsl"/>

  <xsl:output method="html" html-version="5" encoding="UTF-8" include-content-type="no" indent="no"/>

  <!-- The edition's registered name (Editions.java): reading | diplomatic. -->
  <xsl:param name="edition" as="xs:string" required="yes"/>

  <xsl:template match="/">
    <xsl:call-template name="h:page" xmlns:h="https://teiedition.org/ns/html">
      <xsl:with-param name="model" select="."/>
      <xsl:with-param name="edition" select="$edition"/>
    </xsl:call-template>
  </xsl:template>
</xsl:stylesheet>
