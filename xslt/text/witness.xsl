<?xml version="1.0" encoding="UTF-8"?>
<!--
  The plain text of one view of a document, from the shared model (so it reads exactly what the
  diplomatic and reading editions read): $witness = a siglum gives that witness's text; empty gives the
  edited (reading) text.

  Plain-text form: one paragraph per block of the model (p, salute, signed, item, head...) and per
  paragraph break of the witness (milestone unit="paragraph"), whitespace inside a paragraph normalised
  to single spaces, paragraphs separated by one blank line, a final newline. Notes and apparatus
  markers are not text. gap is "[...]"; the reading view shows supplied text in [brackets] and
  expansions (ex) in (parentheses), as the editions do.
  (Written by the apparatus helper as a thin layer over te:model; the tei-edition `witness` and
  `collate` commands rely on this exact form.)
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:te="https://teiedition.org/ns/functions"
    xmlns:m="https://teiedition.org/ns/model"
    exclude-result-prefixes="#all"
    expand-text="yes">

  <xsl:import href="../common/model.xsl"/>

  <xsl:param name="witness" as="xs:string?"/>

  <xsl:output method="text" encoding="UTF-8"/>

  <!-- Paragraph boundary and "join the words across this break" markers, resolved in te:plain-text. -->
  <xsl:variable name="te:PARA" as="xs:string" select="'&#x2029;'"/>
  <xsl:variable name="te:JOIN" as="xs:string" select="'&#xE000;'"/>

  <xsl:mode on-no-match="fail"/>
  <xsl:mode name="te:plain" on-no-match="text-only-copy"/>

  <xsl:template match="/">
    <xsl:value-of select="te:plain-text(te:model(., $witness))"/>
  </xsl:template>

  <!-- The plain text of a model document (see the header for the form). -->
  <xsl:function name="te:plain-text" as="xs:string">
    <xsl:param name="model" as="document-node()"/>
    <xsl:variable name="marked" as="xs:string">
      <xsl:value-of><xsl:apply-templates select="$model/m:edition/m:text" mode="te:plain"/></xsl:value-of>
    </xsl:variable>
    <xsl:variable name="joined" select="replace($marked, '\s*' || $te:JOIN || '\s*', '')"/>
    <xsl:variable name="paras" select="tokenize($joined, $te:PARA) ! normalize-space(.)[. ne '']"/>
    <xsl:sequence select="if (empty($paras)) then '' else string-join($paras, '&#10;&#10;') || '&#10;'"/>
  </xsl:function>

  <xsl:template match="m:block" mode="te:plain">
    <xsl:value-of select="$te:PARA"/>
    <xsl:apply-templates mode="te:plain"/>
    <xsl:value-of select="$te:PARA"/>
  </xsl:template>

  <xsl:template match="m:break[@type = 'paragraph']" mode="te:plain" priority="2">{$te:PARA}</xsl:template>
  <xsl:template match="m:break[@join = 'true']" mode="te:plain" priority="1">{$te:JOIN}</xsl:template>
  <xsl:template match="m:break" mode="te:plain"><xsl:text> </xsl:text></xsl:template>

  <xsl:template match="m:inline[@role = 'gap']" mode="te:plain">[...]</xsl:template>
  <xsl:template match="m:inline[@role = 'supplied']" mode="te:plain">[<xsl:apply-templates mode="te:plain"/>]</xsl:template>
  <xsl:template match="m:inline[@role = 'expanded']" mode="te:plain">(<xsl:apply-templates mode="te:plain"/>)</xsl:template>

  <!-- Reference marks and images are not text. -->
  <xsl:template match="m:app-ref | m:note-ref | m:image" mode="te:plain"/>
</xsl:stylesheet>
