<?xml version="1.0" encoding="UTF-8"?>
<!-- The HTML editions of a model view, rendered by html-common.xsl: the reading edition (the reading view: the
     edited text) and the diplomatic edition (the diplomatic view: one witness as transmitted). The driver applies this
     stylesheet to the view the edition names and passes its registration (name, label, apparatus, the other
     editions built); one stylesheet, compiled once, for both. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:h="https://teiedition.org/ns/html"
    exclude-result-prefixes="#all">

  <xsl:import href="html-common.xsl"/>

  <xsl:output method="html" html-version="5" encoding="UTF-8" include-content-type="no" indent="no"/>

  <xsl:template match="/">
    <xsl:call-template name="h:shell">
      <xsl:with-param name="model" select="."/>
    </xsl:call-template>
  </xsl:template>
</xsl:stylesheet>
