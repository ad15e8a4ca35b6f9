<?xml version="1.0" encoding="UTF-8"?>
<!--
  The apparatus proofreading table (tei-edition apparatus): every entry of te:apparatus-table (the model's
  apparatus entries, with their letters and § locations, plus the silent regularisations and abbreviations), in
  document order, as model XML; the Java side formats it as text, HTML, CSV or JSON.
  An entry outside the numbered paragraphs gets @place, the part of the text it is in (salutation, signature,
  heading ...), so that every row can be found in the text; the numbering itself is the model's.
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

  <xsl:mode name="te:table" on-no-match="shallow-copy"/>

  <xsl:template match="/" priority="10">
    <xsl:variable name="scope" select="//tei:text[not(ancestor::tei:text)]"/>
    <!-- the source of each row, in the order te:apparatus-table writes them: entries and silent choices -->
    <xsl:variable name="sources" select="$scope//(tei:app | tei:choice | tei:note)[te:is-entry(.)]
        | $scope//tei:choice[not(te:is-entry(.))][tei:reg | tei:orig | tei:expan | tei:abbr]"/>
    <m:table>
      <xsl:sequence select="te:witness-list(., ())"/>
      <xsl:for-each select="te:apparatus-table(.)">
        <xsl:variable name="i" select="position()"/>
        <xsl:apply-templates select="." mode="te:table">
          <xsl:with-param name="source" select="$sources[$i]"/>
        </xsl:apply-templates>
      </xsl:for-each>
    </m:table>
  </xsl:template>

  <xsl:template match="m:entry" mode="te:table">
    <xsl:param name="source" as="element()?"/>
    <xsl:copy>
      <xsl:sequence select="@*"/>
      <xsl:if test="empty(@loc) and exists($source)">
        <xsl:attribute name="place" select="te:table-place($source)"/>
      </xsl:if>
      <xsl:sequence select="node()"/>
    </xsl:copy>
  </xsl:template>

  <!-- The part of the text an entry outside the numbered paragraphs is in, named as an editor would name it. -->
  <xsl:function name="te:table-place" as="xs:string">
    <xsl:param name="e" as="element()"/>
    <xsl:variable name="part" select="$e/ancestor::*[self::tei:salute or self::tei:opener or self::tei:signed
        or self::tei:closer or self::tei:dateline or self::tei:head or self::tei:postscript or self::tei:address
        or self::tei:trailer or self::tei:byline or self::tei:epigraph or self::tei:argument or self::tei:l[@n]
        or self::tei:ab or self::tei:front or self::tei:back][1]"/>
    <xsl:variable name="div" select="$e/ancestor::tei:div[@n][1]/@n"/>
    <xsl:sequence select="string-join((
        if ($part/self::tei:salute or $part/self::tei:opener) then 'salutation'
        else if ($part/self::tei:signed or $part/self::tei:closer) then 'signature'
        else if ($part/self::tei:dateline) then 'dateline'
        else if ($part/self::tei:head) then 'heading'
        else if ($part/self::tei:l) then 'l. ' || $part/@n
        else if ($part/self::tei:ab[@n]) then $part/local-name() || ' ' || $part/@n
        else if (exists($part)) then local-name($part)
        else 'text',
        $div[not(starts-with(., 'urn:'))] ! ('(' || . || ')')), ' ')"/>
  </xsl:function>
</xsl:stylesheet>
