<?xml version="1.0" encoding="UTF-8"?>
<!-- Diplomatic edition: the model's diplomatic view (one witness as transmitted: $witness, by default the copy-text;
     the driver applies this stylesheet to it) rendered by html-common.xsl. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    exclude-result-prefixes="#all">

  <xsl:import href="html-common.xsl"/>

  <xsl:output method="html" html-version="5" encoding="UTF-8" include-content-type="no" indent="no"/>

  <xsl:template match="/">
    <xsl:call-template name="h:page" xmlns:h="https://teiedition.org/ns/html">
      <xsl:with-param name="model" select="."/>
      <xsl:with-param name="edition" select="'diplomatic'"/>
    </xsl:call-template>
  </xsl:template>
</xsl:stylesheet>
