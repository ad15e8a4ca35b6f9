<?xml version="1.0" encoding="UTF-8"?>
<!-- Reduces one document's reading view (the model, xslt/common/model.xsl: m:meta and m:registers) to the small
     record the corpus pages need (title, date, correspondents, prev/next pointers, named entities, editions,
     search words), so that the corpus stage never holds document trees and every fact on the corpus pages is the
     one the document's own pages show. The record is also the incremental-build cache entry
     (OUT/.tei-edition/summaries/). -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:m="https://teiedition.org/ns/model"
  xmlns:te="https://teiedition.org/ns/functions" exclude-result-prefixes="#all" expand-text="yes">
  <xsl:import href="../common/functions.xsl"/>
  <xsl:output method="xml" encoding="UTF-8" indent="no" omit-xml-declaration="yes"/>
  <xsl:mode on-no-match="shallow-skip"/>
  <xsl:global-context-item as="document-node(element(m:edition))"/>

  <xsl:param name="id" as="xs:string" select="'document'"/>
  <!-- the incremental-build key of the source this record was made from -->
  <xsl:param name="key" as="xs:string" select="''"/>
  <!-- the editions built for the document, in registry order: map{'name', 'label', 'file'} (EditionRenderer) -->
  <xsl:param name="editions" as="map(xs:string, xs:string)*" select="()"/>
  <!-- the document's search words, normalised (org.teiedition.site.SearchWords) -->
  <xsl:param name="words" as="xs:string*" select="()"/>
  <!-- the text the search page shows snippets from (org.teiedition.site.SearchWords.text) -->
  <xsl:param name="text" as="xs:string" select="''"/>

  <xsl:template match="/m:edition">
    <xsl:variable name="meta" select="m:meta"/>
    <xsl:variable name="entries" select="m:registers/m:register/m:entry"/>
    <summary id="{$id}" key="{$key}" date="{$meta/@date}">
      <!-- correspContext pointers of other documents may name this one by its xml:id -->
      <xsl:for-each select="$meta/@xml-id"><xsl:attribute name="xml-id" select="."/></xsl:for-each>
      <xsl:for-each select="@published"><xsl:attribute name="published" select="."/></xsl:for-each>
      <!-- the citable paragraphs (the DTS API's citation tree) and the language (its Dublin Core) -->
      <xsl:attribute name="paragraphs" select="count(m:citation/m:para)"/>
      <xsl:attribute name="lang" select="@lang"/>
      <title>{$meta/m:title}</title>
      <xsl:for-each select="$meta/m:action[@type = 'sent']/m:correspondent"><sender>{.}</sender></xsl:for-each>
      <xsl:for-each select="$meta/m:action[@type = 'received']/m:correspondent"><recipient>{.}</recipient></xsl:for-each>
      <!-- the correspondence description as the model states it, with authority URIs (CMIF: xslt/site/publish.xsl) -->
      <xsl:for-each select="$meta/m:action">
        <action type="{@type}">
          <xsl:for-each select="m:correspondent | m:place">
            <xsl:element name="{if (self::m:place) then 'place' else 'correspondent'}">
              <xsl:if test="self::m:correspondent"><xsl:attribute name="type" select="(@type, 'person')[1]"/></xsl:if>
              <xsl:for-each select="te:authority-uris(.)[1]"><xsl:attribute name="ref" select="."/></xsl:for-each>
              <xsl:value-of select="."/>
            </xsl:element>
          </xsl:for-each>
          <xsl:for-each select="m:date[@when]"><date><xsl:copy-of select="@when | @notBefore | @notAfter | @from | @to"/>{.}</date></xsl:for-each>
        </action>
      </xsl:for-each>
      <xsl:copy-of select="$meta/m:cite-scheme" copy-namespaces="no"/>
      <xsl:for-each select="$meta/(m:prev | m:next)[@doc]">
        <xsl:element name="{local-name()}">{@doc}</xsl:element>
      </xsl:for-each>
      <xsl:for-each select="$editions">
        <edition name="{?name}" label="{?label}" file="{?file}"/>
      </xsl:for-each>
      <xsl:variable name="entities" as="element(entity)*">
        <xsl:for-each select="$entries">
          <entity type="{../@type}" key="{@key}" label="{@sort}" register="yes"/>
        </xsl:for-each>
        <xsl:for-each select="$meta/m:mentions/m:mention">
          <entity type="{@type}" key="{@key}" label="{($entries[@id = current()/@ref]/@sort, string(.))[1]}"/>
        </xsl:for-each>
      </xsl:variable>
      <!-- one per key; a register's label is preferred over the words of a mention -->
      <xsl:for-each-group select="$entities[@key != '' and @label != '']" group-by="@type || ' ' || @key">
        <xsl:sort select="current-grouping-key()"/>
        <entity type="{@type}" key="{@key}" label="{(current-group()[@register], current-group())[1]/@label}"/>
      </xsl:for-each-group>
      <words>{$words}</words>
      <text>{$text}</text>
    </summary>
  </xsl:template>
</xsl:stylesheet>
