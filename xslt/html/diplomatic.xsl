<?xml version="1.0" encoding="UTF-8"?>
<!-- Diplomatic edition: one witness as transmitted ($witness, default the copy-text). -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:te="https://teiedition.org/ns/functions"
    exclude-result-prefixes="#all"
    expand-text="yes">

  <xsl:import href="../common/model.xsl"/>
  <xsl:import href="html-common.xsl"/>

  <xsl:output method="html" html-version="5" encoding="UTF-8" include-content-type="no" indent="no"/>

  <xsl:template match="/">
    <xsl:variable name="declared" select="te:witnesses(.)/@xml:id/string()"/>
    <xsl:if test="normalize-space($witness) and exists($declared) and not(normalize-space($witness) = $declared)">
      <xsl:message terminate="yes" error-code="te:unknown-witness">Unknown witness '{$witness}': this document declares {string-join($declared, ', ')}.</xsl:message>
    </xsl:if>
    <xsl:variable name="model" select="te:model(., ($witness[normalize-space()], te:copy-text(.))[1])"/>
    <xsl:call-template name="h:page" xmlns:h="https://teiedition.org/ns/html">
      <xsl:with-param name="model" select="$model"/>
      <xsl:with-param name="edition" select="'diplomatic'"/>
    </xsl:call-template>
  </xsl:template>
</xsl:stylesheet>
