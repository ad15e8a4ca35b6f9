<?xml version="1.0" encoding="UTF-8"?>
<!-- An edition that talks while it renders, registered by StylesheetWarningsTest: a non-terminating xsl:message and a
     node that two template rules of one priority match (Saxon warns at run time and uses the last). -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:m="https://teiedition.org/ns/model" exclude-result-prefixes="#all" expand-text="yes">

  <xsl:output method="html" html-version="5"/>
  <xsl:mode on-no-match="shallow-skip" on-multiple-match="use-last" warning-on-multiple-match="true"/>

  <xsl:template match="/">
    <xsl:message>This edition shows {count(//m:block)} blocks only.</xsl:message>
    <html><body><xsl:apply-templates select="(//m:block)[1]"/></body></html>
  </xsl:template>

  <xsl:template match="m:block" priority="1"><p>first rule</p></xsl:template>
  <xsl:template match="m:*[local-name() = 'block']" priority="1"><p>second rule</p></xsl:template>
</xsl:stylesheet>
