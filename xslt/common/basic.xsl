<?xml version="1.0" encoding="UTF-8"?>
<!-- Foundation text model (to be replaced by the full shared model): which reading a view shows. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:te="https://teiedition.org/ns/xslt" exclude-result-prefixes="#all" expand-text="yes">

  <!-- Empty: the edited (reading) text; a siglum: that witness as transmitted. -->
  <xsl:param name="witness" as="xs:string?" select="()"/>

  <xsl:mode name="te:text" on-no-match="text-only-copy"/>

  <xsl:template match="tei:note | tei:teiHeader | tei:standOff" mode="te:text"/>
  <xsl:template match="tei:choice" mode="te:text">
    <xsl:apply-templates mode="te:text"
      select="if (empty($witness)) then (tei:corr, tei:reg, tei:expan)[1] else (tei:sic, tei:orig, tei:abbr)[1]"/>
  </xsl:template>
  <xsl:template match="tei:app" mode="te:text">
    <xsl:apply-templates mode="te:text" select="if (empty($witness)) then (tei:lem, tei:rdg)[1]
      else (*[tokenize(@wit) = '#' || $witness])[1]"/>
  </xsl:template>
</xsl:stylesheet>
