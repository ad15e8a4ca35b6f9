<?xml version="1.0" encoding="UTF-8"?>
<!-- What a corpus publishes for machines, made from the per-document summaries only (xslt/site/summary.xsl), like the
     corpus pages: the global context item is <corpus> with one <summary> per built document, in name order.
     Named templates: sitemap (sitemap.xml), cmif (cmif.xml, CMIF 1.1 for correspSearch), cmif-unidentified (the
     letters whose correspondents or places have no authority URI, one line each, for the build's warning). -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:map="http://www.w3.org/2005/xpath-functions/map"
  xmlns="http://www.tei-c.org/ns/1.0" xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:te="https://teiedition.org/ns/functions"
  exclude-result-prefixes="#all" expand-text="yes">
  <!-- te:published-url: every address of a document's file is made by the one rule the pages use -->
  <xsl:import href="../common/functions.xsl"/>
  <xsl:output method="xml" encoding="UTF-8" indent="yes"/>
  <xsl:global-context-item as="document-node(element(corpus))"/>

  <!-- the absolute URL OUT is published at, ending in "/" -->
  <xsl:param name="base-url" as="xs:string" required="yes"/>
  <!-- the CMIF source description's id: a UUID made from the base URL (the same corpus keeps it) -->
  <xsl:param name="uuid" as="xs:string" select="''"/>
  <!-- as an xml:id, which must not start with a digit -->
  <xsl:variable name="bibl-id" select="'cmif-' || $uuid"/>
  <!-- the corpus pages every corpus build writes (org.teiedition.site.CorpusPages.FILES) -->
  <xsl:param name="pages" as="xs:string*" select="()"/>

  <xsl:variable name="docs" as="element(summary)*" select="/corpus/summary"/>

  <!-- A document's page: its first HTML edition (the reading edition when it was built). -->
  <xsl:function name="tei:page-url" as="xs:string?">
    <xsl:param name="s" as="element(summary)"/>
    <xsl:sequence select="($s/edition[ends-with(@file, '.html')])[1] ! te:published-url($base-url, $s/@id, @file)"/>
  </xsl:function>

  <xsl:template name="sitemap">
    <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
      <xsl:for-each select="$pages[ends-with(., '.html')]">
        <url><loc>{$base-url || .}</loc></url>
      </xsl:for-each>
      <xsl:for-each select="$docs">
        <xsl:variable name="id" select="string(@id)"/>
        <xsl:for-each select="edition[ends-with(@file, '.html')]">
          <url><loc>{te:published-url($base-url, $id, @file)}</loc></url>
        </xsl:for-each>
      </xsl:for-each>
    </urlset>
  </xsl:template>

  <!-- CMIF 1.1: one correspDesc per letter (a document with a sending or receiving action), its @ref the letter's
       page; persons, organisations and places with their authority URI where the model has one (CMIF lists the
       others too: correspSearch keeps them, a query by id cannot find them). -->
  <xsl:template name="cmif">
    <!-- CMIF requires both a sending and a receiving action -->
    <xsl:variable name="letters" select="$docs[action[@type = 'sent'] and action[@type = 'received']]"/>
    <TEI>
      <teiHeader>
        <fileDesc>
          <titleStmt>
            <title>Correspondence metadata of the edition at {$base-url}</title>
            <editor>tei-edition</editor>
          </titleStmt>
          <publicationStmt>
            <publisher><ref target="{$base-url}">{$base-url}</ref></publisher>
            <idno type="url">{$base-url}cmif.xml</idno>
            <!-- the latest edition date of the documents: the same sources give the same file -->
            <xsl:for-each select="max($docs/@published ! xs:date(.))"><date when="{.}"/></xsl:for-each>
            <availability>
              <licence target="https://creativecommons.org/licenses/by/4.0/">This file is licensed under the terms of the Creative Commons Licence CC BY 4.0</licence>
            </availability>
          </publicationStmt>
          <sourceDesc>
            <bibl type="online" xml:id="{$bibl-id}">The edition at <ref target="{$base-url}">{$base-url}</ref></bibl>
          </sourceDesc>
        </fileDesc>
        <profileDesc>
          <xsl:for-each select="$letters">
            <correspDesc source="#{$bibl-id}">
              <xsl:for-each select="tei:page-url(.)"><xsl:attribute name="ref" select="."/></xsl:for-each>
              <xsl:for-each select="action[@type = ('sent', 'received')]">
                <correspAction type="{@type}">
                  <xsl:for-each select="correspondent">
                    <xsl:element name="{if (@type = 'org') then 'orgName' else 'persName'}">
                      <xsl:for-each select="@ref"><xsl:attribute name="ref" select="."/></xsl:for-each>
                      <xsl:value-of select="."/>
                    </xsl:element>
                  </xsl:for-each>
                  <xsl:for-each select="place[1]">
                    <placeName><xsl:for-each select="@ref"><xsl:attribute name="ref" select="."/></xsl:for-each>{.}</placeName>
                  </xsl:for-each>
                  <!-- the limits of a date known only within them, else its day -->
                  <xsl:for-each select="date[1]"><date><xsl:copy-of select="if (@notBefore | @notAfter | @from | @to) then (@notBefore | @notAfter | @from | @to) else @when"/></date></xsl:for-each>
                </correspAction>
              </xsl:for-each>
            </correspDesc>
          </xsl:for-each>
        </profileDesc>
      </teiHeader>
      <text><body><p/></body></text>
    </TEI>
  </xsl:template>

  <!-- One line per letter that cmif.xml leaves out or lists without an authority URI for a correspondent or place:
       "id: no sender or addressee" | "id: name, name". -->
  <xsl:template name="cmif-unidentified">
    <xsl:for-each select="$docs[action]">
      <xsl:variable name="missing" select="action[@type = ('sent', 'received')]/(correspondent | place[1])[not(@ref)]"/>
      <xsl:choose>
        <xsl:when test="not(action[@type = 'sent'] and action[@type = 'received'])">{@id}: not listed, it has no sender or no addressee&#10;</xsl:when>
        <xsl:when test="$missing">{@id}: {string-join(distinct-values($missing ! normalize-space()), ', ')}&#10;</xsl:when>
      </xsl:choose>
    </xsl:for-each>
  </xsl:template>
</xsl:stylesheet>
