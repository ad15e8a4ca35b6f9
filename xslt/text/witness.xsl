<?xml version="1.0" encoding="UTF-8"?>
<!--
  Plain text of one view of the text (the `witness` command): the view model's text, one paragraph per
  block, paragraphs separated by a blank line; notes, apparatus markers and editorial furniture
  (page numbers) left out. $witness (from model.xsl): empty = the reading text, a siglum = that witness;
  this stylesheet defaults to the copy-text; $lemma = true() gives the reading (edited) text instead
  (the apparatus tools: witness with its lemma option, collate with FILE.xml#lemma).
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:te="https://teiedition.org/ns/functions"
    xmlns:m="https://teiedition.org/ns/model"
    exclude-result-prefixes="#all"
    expand-text="yes">

  <xsl:import href="../common/model.xsl"/>

  <xsl:output method="text" encoding="UTF-8"/>

  <xsl:param name="lemma" as="xs:boolean" select="false()"/>

  <!-- U+E000 marks a paragraph boundary while the text is collected. -->
  <xsl:variable name="PB" select="'&#xE000;'"/>

  <xsl:mode name="t:text" on-no-match="text-only-copy" xmlns:t="https://teiedition.org/ns/text"/>

  <xsl:template match="/">
    <xsl:variable name="model" select="te:model(., if ($lemma) then () else te:diplomatic-witness(., $witness))"/>
    <xsl:variable name="flat" as="xs:string*">
      <xsl:apply-templates select="$model/m:edition/m:text" mode="t:text" xmlns:t="https://teiedition.org/ns/text"/>
    </xsl:variable>
    <xsl:variable name="paras" select="tokenize(string-join($flat, ''), $PB) ! normalize-space(.)[. != '']"/>
    <xsl:value-of select="string-join($paras, '&#10;&#10;') || '&#10;'"/>
  </xsl:template>

  <xsl:template match="m:block | m:break[@type = 'paragraph']" mode="t:text" xmlns:t="https://teiedition.org/ns/text">
    <xsl:sequence select="$PB"/>
    <xsl:apply-templates mode="t:text"/>
    <xsl:sequence select="$PB"/>
  </xsl:template>
  <!-- left out: markers, page numbers, images, and deletions (a witness reads its final text) -->
  <xsl:template match="m:note-ref | m:app-ref | m:break[@type = ('page', 'column')] | m:image | m:inline[@role = 'deleted']" mode="t:text" xmlns:t="https://teiedition.org/ns/text"/>
  <xsl:template match="m:break[@type = 'line']" mode="t:text" xmlns:t="https://teiedition.org/ns/text">
    <xsl:if test="not(@join)"><xsl:sequence select="' '"/></xsl:if>
  </xsl:template>
  <xsl:template match="m:inline[@role = 'supplied']" mode="t:text" xmlns:t="https://teiedition.org/ns/text">{te:sign('supplied-open')}<xsl:apply-templates mode="t:text"/>{te:sign('supplied-close')}</xsl:template>
  <xsl:template match="m:inline[@role = 'expanded']" mode="t:text" xmlns:t="https://teiedition.org/ns/text">{te:sign('expansion-open')}<xsl:apply-templates mode="t:text"/>{te:sign('expansion-close')}</xsl:template>
  <xsl:template match="m:inline[@role = 'gap']" mode="t:text" xmlns:t="https://teiedition.org/ns/text">{te:sign('gap')}</xsl:template>
</xsl:stylesheet>
