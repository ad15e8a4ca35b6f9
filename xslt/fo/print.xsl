<?xml version="1.0" encoding="UTF-8"?>
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:fo="http://www.w3.org/1999/XSL/Format"
  xmlns:te="https://teiedition.org/ns/xslt" exclude-result-prefixes="#all" expand-text="yes">
  <xsl:import href="../common/basic.xsl"/>
  <xsl:mode on-no-match="shallow-skip"/>
  <xsl:template match="/">
    <fo:root font-family="DejaVu Serif" font-size="11pt" xml:lang="en">
      <fo:layout-master-set>
        <fo:simple-page-master master-name="page" page-height="297mm" page-width="210mm" margin="25mm">
          <fo:region-body/>
        </fo:simple-page-master>
      </fo:layout-master-set>
      <!-- Our own XMP: otherwise FOP stamps the current time into the metadata and no two PDFs are the same. -->
      <xsl:variable name="published" select="string((//tei:publicationStmt//tei:date/@when)[1])"/>
      <fo:declarations>
        <x:xmpmeta xmlns:x="adobe:ns:meta/">
          <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
            <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
              <dc:title>{normalize-space((//tei:titleStmt/tei:title)[1])}</dc:title>
              <xmp:CreatorTool>tei-edition</xmp:CreatorTool>
              <xsl:if test="$published castable as xs:date">
                <xmp:CreateDate>{$published}T00:00:00Z</xmp:CreateDate>
                <xmp:MetadataDate>{$published}T00:00:00Z</xmp:MetadataDate>
              </xsl:if>
            </rdf:Description>
          </rdf:RDF>
        </x:xmpmeta>
      </fo:declarations>
      <fo:page-sequence master-reference="page">
        <fo:flow flow-name="xsl-region-body">
          <fo:block font-size="16pt" space-after="12pt">{(//tei:titleStmt/tei:title)[1]}</fo:block>
          <xsl:for-each select="//tei:text//(tei:p | tei:salute | tei:signed)[not(ancestor::tei:note)]">
            <fo:block space-after="6pt"><xsl:apply-templates select="node()" mode="te:text"/></fo:block>
          </xsl:for-each>
        </fo:flow>
      </fo:page-sequence>
    </fo:root>
  </xsl:template>
</xsl:stylesheet>
