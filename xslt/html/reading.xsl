<?xml version="1.0" encoding="UTF-8"?>
<!-- Reading edition: the edited text (te:model with no witness) rendered by html-common.xsl. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:te="https://teiedition.org/ns/functions"
    exclude-result-prefixes="#all">

  <xsl:import href="../common/model.xsl"/>
  <xsl:import href="html-common.xsl"/>

  <xsl:output method="html" html-version="5" encoding="UTF-8" include-content-type="no" indent="no"/>

  <xsl:template match="/">
    <xsl:variable name="model" select="te:model(., ())"/>
    <xsl:call-template name="h:page" xmlns:h="https://teiedition.org/ns/html">
      <xsl:with-param name="model" select="$model"/>
      <xsl:with-param name="edition" select="'reading'"/>
    </xsl:call-template>
  </xsl:template>
</xsl:stylesheet>
