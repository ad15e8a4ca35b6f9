<?xml version="1.0" encoding="UTF-8"?>
<!-- Reading edition: the model's reading view (the edited text; applied to it by the driver) rendered by html-common.xsl. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    exclude-result-prefixes="#all">

  <xsl:import href="html-common.xsl"/>

  <xsl:output method="html" html-version="5" encoding="UTF-8" include-content-type="no" indent="no"/>

  <xsl:template match="/">
    <xsl:call-template name="h:page" xmlns:h="https://teiedition.org/ns/html">
      <xsl:with-param name="model" select="."/>
      <xsl:with-param name="edition" select="'reading'"/>
    </xsl:call-template>
  </xsl:template>
</xsl:stylesheet>
