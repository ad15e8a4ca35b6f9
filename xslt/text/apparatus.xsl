<?xml version="1.0" encoding="UTF-8"?>
<!--
  The apparatus proofreading table (tei-edition apparatus): every entry of te:apparatus-table (the model's
  apparatus entries, with their letters and § locations, plus the silent regularisations and abbreviations), in
  document order, as model XML; the Java side formats it as text, HTML, CSV or JSON.
  An entry outside the numbered paragraphs has the model's @place, the part of the text it is in (salutation,
  signature, heading ...), so that every row can be found in the text; numbering and places are the model's.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:te="https://teiedition.org/ns/functions"
    xmlns:m="https://teiedition.org/ns/model"
    exclude-result-prefixes="#all"
    expand-text="yes">

  <xsl:import href="../common/model.xsl"/>

  <xsl:output method="xml" indent="no" encoding="UTF-8"/>

  <xsl:template match="/" priority="10">
    <m:table>
      <xsl:sequence select="te:witness-list(., ())"/>
      <xsl:sequence select="te:apparatus-table(.)"/>
    </m:table>
  </xsl:template>
</xsl:stylesheet>
