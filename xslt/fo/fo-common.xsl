<?xml version="1.0" encoding="UTF-8"?>
<!--
  Reusable XSL-FO layout pieces for the print edition: the page geometry, type sizes and small
  helpers. No decision about the text is made here (that is the shared model's job).
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:fo="http://www.w3.org/1999/XSL/Format"
    xmlns:p="https://teiedition.org/ns/print"
    exclude-result-prefixes="#all"
    expand-text="yes">

  <!-- Type: DejaVu Serif (bundled, see fop.xconf); character by character, DejaVu Sans catches the signs Serif lacks
       (Hebrew, Coptic letters of the Greek block, dingbats) and Kurinto Sans the scripts both lack (Syriac...). -->
  <xsl:variable name="p:font" as="xs:string" select="'DejaVu Serif, DejaVu Sans, Kurinto Sans'"/>
  <xsl:variable name="p:size" as="xs:string" select="'10.5pt'"/>
  <xsl:variable name="p:leading" as="xs:string" select="'14.5pt'"/>
  <!-- The apparatus is set smaller than the commentary, as in printed critical editions. -->
  <xsl:variable name="p:app-size" as="xs:string" select="'8pt'"/>
  <xsl:variable name="p:note-size" as="xs:string" select="'8.5pt'"/>
  <xsl:variable name="p:small" as="xs:string" select="'8.5pt'"/>
  <!-- Distance from the text to the margin paragraph numbers (they sit in the left margin). -->
  <xsl:variable name="p:margin-number" as="xs:string" select="'14mm'"/>

  <!-- A4, generous margins; page 1 has no running head, the others do. -->
  <xsl:template name="p:layout">
    <fo:layout-master-set>
      <fo:simple-page-master master-name="first" page-height="297mm" page-width="210mm"
          margin-top="20mm" margin-bottom="14mm" margin-left="34mm" margin-right="30mm">
        <fo:region-body margin-top="8mm" margin-bottom="12mm"/>
        <fo:region-after region-name="first-after" extent="8mm"/>
      </fo:simple-page-master>
      <fo:simple-page-master master-name="rest" page-height="297mm" page-width="210mm"
          margin-top="14mm" margin-bottom="14mm" margin-left="34mm" margin-right="30mm">
        <fo:region-body margin-top="14mm" margin-bottom="12mm"/>
        <fo:region-before region-name="rest-before" extent="9mm"/>
      </fo:simple-page-master>
      <fo:page-sequence-master master-name="edition">
        <fo:repeatable-page-master-alternatives>
          <fo:conditional-page-master-reference master-reference="first" page-position="first"/>
          <fo:conditional-page-master-reference master-reference="rest" page-position="rest"/>
        </fo:repeatable-page-master-alternatives>
      </fo:page-sequence-master>
      <!-- the page-sequences after the first (a volume's divisions, the back matter): running heads throughout -->
      <fo:page-sequence-master master-name="continued">
        <fo:repeatable-page-master-reference master-reference="rest"/>
      </fo:page-sequence-master>
    </fo:layout-master-set>
  </xsl:template>

  <!-- Running head (pages 2 ff.), folio at the foot, and the rule above the footnotes. -->
  <xsl:template name="p:static">
    <xsl:param name="running-head" as="xs:string"/>
    <fo:static-content flow-name="rest-before" role="artifact">
      <fo:block font-size="{$p:small}" text-align-last="justify"
          border-after-style="solid" border-after-width="0.4pt" padding-after="2pt">
        <fo:inline font-style="italic">{$running-head}</fo:inline>
        <fo:leader leader-pattern="space"/>
        <fo:page-number/>
      </fo:block>
    </fo:static-content>
    <fo:static-content flow-name="first-after" role="artifact">
      <fo:block font-size="{$p:small}" text-align="center"><fo:page-number/></fo:block>
    </fo:static-content>
    <fo:static-content flow-name="xsl-footnote-separator" role="artifact">
      <fo:block line-height="6pt" font-size="6pt" space-before="8pt">
        <fo:leader leader-pattern="rule" leader-length="35%" rule-thickness="0.4pt"/>
      </fo:block>
    </fo:static-content>
  </xsl:template>

  <!-- A section heading of the back matter (a bookmark target). -->
  <xsl:template name="p:heading">
    <xsl:param name="id" as="xs:string"/>
    <xsl:param name="text" as="xs:string"/>
    <xsl:param name="break" as="xs:boolean" select="false()"/>
    <fo:block id="{$id}" role="H2" font-size="12pt" font-weight="bold" space-before="14pt" space-after="6pt"
        keep-with-next.within-page="always">
      <xsl:if test="$break"><xsl:attribute name="break-before">page</xsl:attribute></xsl:if>
      <xsl:value-of select="$text"/>
    </fo:block>
  </xsl:template>

  <!-- A sub-heading (register types). -->
  <xsl:template name="p:subheading">
    <xsl:param name="text" as="xs:string"/>
    <fo:block role="H3" font-size="10.5pt" font-style="italic" space-before="8pt" space-after="3pt"
        keep-with-next.within-page="always">{$text}</fo:block>
  </xsl:template>

  <!-- A BCP 47 tag FOP understands as language[-country]; anything else is left out. -->
  <xsl:function name="p:fo-lang" as="xs:string?">
    <xsl:param name="lang" as="xs:string?"/>
    <xsl:sequence select="$lang[matches(., '^[a-zA-Z]{2,3}(-[a-zA-Z]{2})?$')]"/>
  </xsl:function>
</xsl:stylesheet>
