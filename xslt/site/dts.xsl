<?xml version="1.0" encoding="UTF-8"?>
<!--
  The static DTS 1.0 API (Level 0: files, no server; https://dtsapi.org/specifications/versions/v1.0/), under OUT/dts/,
  with these URI templates (static sites cannot read query parameters, so the parameters are path segments):

    entry point   dts/index.jsonld
    collection    dts/collection{/id}.jsonld                       the corpus; each document (a Resource)
    navigation    dts/navigation/{resource}{;tree}{;down}{/ref}.jsonld   down=1 or -1: every § of the document;
                                                                   /ref: one § (its CitableUnit); ;tree=ID: the
                                                                   document's own citeStructure (refsDecl), if any
    document      dts/document/{resource}{;tree}{/ref}.xml         the TEI source; one unit in dts:wrapper

  The citation tree is the model's: the paragraphs numbered §1, §2 ... (m:citation of the reading view, made by
  te:citable-paragraphs), so a § cited on a page, in a citation and here is the same paragraph.
  Named templates: document-files (global context item: a document's reading view; the TEI as $tei), corpus-files
  (global context item: <corpus> of summaries). Each returns a map from a path under OUT to its content: a JSON
  string or a TEI document.
-->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:map="http://www.w3.org/2005/xpath-functions/map"
  xmlns:array="http://www.w3.org/2005/xpath-functions/array"
  xmlns:tei="http://www.tei-c.org/ns/1.0" xmlns:te="https://teiedition.org/ns/functions"
  xmlns:m="https://teiedition.org/ns/model" xmlns:dts="https://w3id.org/api/dts#"
  exclude-result-prefixes="#all" expand-text="yes">
  <xsl:import href="../common/model.xsl"/>

  <!-- the absolute URL OUT is published at, ending in "/" -->
  <xsl:param name="base-url" as="xs:string" required="yes"/>
  <!-- document-files: the document's name (its resource id) and its parsed TEI -->
  <xsl:param name="document" as="xs:string" select="''"/>
  <xsl:param name="tei" as="document-node()?" select="()"/>

  <xsl:variable name="dts:root" select="$base-url || 'dts/'"/>
  <xsl:variable name="dts:context" select="'https://dtsapi.org/context/v1.0.json'"/>

  <xsl:function name="dts:templates" as="map(*)">
    <xsl:param name="id" as="xs:string"/>
    <xsl:variable name="r" select="encode-for-uri($id)"/>
    <xsl:sequence select="map{
        'collection': $dts:root || 'collection/' || $r || '.jsonld',
        'navigation': $dts:root || 'navigation/' || $r || '{;tree}{;down}{/ref}.jsonld',
        'document': $dts:root || 'document/' || $r || '{;tree}{/ref}.xml'}"/>
  </xsl:function>

  <!-- The § tree (the default), then the document's own citeStructure (m:cite-scheme), named by its id. -->
  <xsl:function name="dts:citation-trees" as="array(*)">
    <xsl:param name="paragraphs" as="xs:integer"/>
    <xsl:param name="scheme" as="element(m:cite-scheme)?"/>
    <xsl:sequence select="array{
        if ($paragraphs gt 0) then map{'@type': 'CitationTree', 'description': 'The paragraphs of the text, cited as §1, §2 ...',
                       'citeStructure': array{map{'@type': 'CiteStructure', 'citeType': 'paragraph'}}} else (),
        $scheme ! map{'@type': 'CitationTree', 'identifier': string(@id), 'description': 'The citation structure the document declares (refsDecl)',
                      'citeStructure': dts:cite-structure(m:cite-unit)}}"/>
  </xsl:function>
  <xsl:function name="dts:cite-structure" as="array(*)">
    <xsl:param name="units" as="element(m:cite-unit)*"/>
    <xsl:sequence select="array{$units ! map:merge((map{'@type': 'CiteStructure', 'citeType': string(@type)},
        m:cite-unit[1] ! map{'citeStructure': dts:cite-structure(../m:cite-unit)}))}"/>
  </xsl:function>

  <xsl:function name="dts:json" as="xs:string">
    <xsl:param name="value" as="item()"/>
    <xsl:sequence select="serialize($value, map{'method': 'json', 'indent': true()}) || '&#10;'"/>
  </xsl:function>

  <!-- ===== one document: its navigation and its citable units as TEI ===== -->

  <xsl:template name="document-files" as="map(xs:string, item())">
    <xsl:variable name="e" select="/m:edition"/>
    <xsl:variable name="paras" select="$e/m:citation/m:para"/>
    <xsl:variable name="units" select="te:citable-paragraphs($tei)"/>
    <xsl:variable name="r" select="encode-for-uri($document)"/>
    <xsl:variable name="resource" select="map:merge((map{'@id': $document, '@type': 'Resource',
        'citationTrees': dts:citation-trees(count($paras), $e/m:meta/m:cite-scheme)}, dts:templates($document)))"/>
    <xsl:variable name="members" select="array{$paras ! dts:unit(.)}"/>
    <xsl:sequence select="map:merge((
      for $down in ('1', '-1') return map:entry('dts/navigation/' || $r || ';down=' || $down || '.jsonld', dts:json(map{
          '@context': $dts:context, 'dtsVersion': '1.0', '@type': 'Navigation',
          '@id': $dts:root || 'navigation/' || $r || ';down=' || $down || '.jsonld',
          'resource': $resource, 'member': $members})),
      for $p in $paras return map:entry('dts/navigation/' || $r || '/' || $p/@n || '.jsonld', dts:json(map{
          '@context': $dts:context, 'dtsVersion': '1.0', '@type': 'Navigation',
          '@id': $dts:root || 'navigation/' || $r || '/' || $p/@n || '.jsonld',
          'resource': $resource, 'ref': dts:unit($p)})),
      for $p in $paras return map:entry('dts/document/' || $r || '/' || $p/@n || '.xml', dts:fragment($p/@n, $units[xs:integer($p/@n)])),
      $e/m:meta/m:cite-scheme ! dts:scheme-files(., $r, $resource)
      ))"/>
  </xsl:template>

  <!-- The document's own citation tree: its units found by evaluating its citeStructure (@match from the parent
       unit, @use for the identifier, joined to the parent's by @delim), as navigation and TEI files under ;tree=ID. -->
  <xsl:function name="dts:scheme-files" as="map(xs:string, item())*">
    <xsl:param name="scheme" as="element(m:cite-scheme)"/>
    <xsl:param name="r" as="xs:string"/>
    <xsl:param name="resource" as="map(*)"/>
    <xsl:variable name="tree" select="';tree=' || encode-for-uri($scheme/@id)"/>
    <xsl:variable name="units" as="map(*)*">
      <xsl:for-each select="(root($tei)//tei:encodingDesc/tei:refsDecl[tei:citeStructure])[1]/tei:citeStructure">
        <xsl:sequence select="dts:walk(., $tei, (), 1)"/>
      </xsl:for-each>
    </xsl:variable>
    <xsl:variable name="nav" select="function ($down as xs:string, $members as map(*)*) {
        map:entry('dts/navigation/' || $r || $tree || ';down=' || $down || '.jsonld', dts:json(map{
          '@context': $dts:context, 'dtsVersion': '1.0', '@type': 'Navigation',
          '@id': $dts:root || 'navigation/' || $r || $tree || ';down=' || $down || '.jsonld',
          'resource': $resource, 'member': array{$members ! map:remove(., 'node')}}))}"/>
    <xsl:sequence select="$nav('1', $units[?level = 1]), $nav('-1', $units)"/>
    <xsl:for-each select="$units">
      <xsl:sequence select="map:entry('dts/navigation/' || $r || $tree || '/' || encode-for-uri(?identifier) || '.jsonld', dts:json(map{
          '@context': $dts:context, 'dtsVersion': '1.0', '@type': 'Navigation',
          '@id': $dts:root || 'navigation/' || $r || $tree || '/' || encode-for-uri(?identifier) || '.jsonld',
          'resource': $resource, 'ref': map:remove(., 'node')}))"/>
      <xsl:sequence select="map:entry('dts/document/' || $r || $tree || '/' || encode-for-uri(?identifier) || '.xml', dts:fragment(?identifier, ?node))"/>
    </xsl:for-each>
  </xsl:function>

  <xsl:function name="dts:walk" as="map(*)*">
    <xsl:param name="cs" as="element(tei:citeStructure)"/>
    <xsl:param name="context" as="node()"/>
    <xsl:param name="parent" as="xs:string?"/>
    <xsl:param name="level" as="xs:integer"/>
    <xsl:if test="dts:safe-xpath($cs/@match) and dts:safe-xpath($cs/@use)">
      <xsl:variable name="nodes" as="node()*">
        <xsl:evaluate xpath="string($cs/@match)" context-item="$context" namespace-context="$cs"/>
      </xsl:variable>
      <xsl:for-each select="$nodes[. instance of element()]">
        <xsl:variable name="use" as="xs:string">
          <xsl:variable name="v" as="item()*"><xsl:evaluate xpath="string($cs/@use)" context-item="." namespace-context="$cs"/></xsl:variable>
          <xsl:sequence select="normalize-space(string-join($v ! string(.), ' '))"/>
        </xsl:variable>
        <xsl:variable name="id" select="if (exists($parent)) then $parent || string($cs/@delim) || $use else $use"/>
        <xsl:sequence select="map{'identifier': $id, '@type': 'CitableUnit', 'level': $level, 'parent': $parent,
            'citeType': string(($cs/@unit, 'unit')[1]), 'node': .}"/>
        <xsl:variable name="here" select="."/>
        <xsl:for-each select="$cs/tei:citeStructure">
          <xsl:sequence select="dts:walk(., $here, $id, $level + 1)"/>
        </xsl:for-each>
      </xsl:for-each>
    </xsl:if>
  </xsl:function>

  <!-- The document's XPaths are run only when they are paths: no variables, no function but these few (nothing
       that could read a file or the environment). -->
  <xsl:function name="dts:safe-xpath" as="xs:boolean">
    <xsl:param name="xpath" as="attribute()?"/>
    <xsl:sequence select="exists($xpath) and not(matches($xpath, '[$#{}]|Q\{'))
        and (every $f in analyze-string($xpath, '([\i][\c]*)\s*\(')//*:group[@nr = '1']
             satisfies $f = ('position', 'last', 'count', 'string', 'normalize-space', 'not', 'number', 'text', 'node'))"/>
  </xsl:function>

  <!-- One citable unit as the Document endpoint answers it: the TEI element in dts:wrapper, inside TEI. -->
  <xsl:function name="dts:fragment" as="document-node()">
    <xsl:param name="ref" as="xs:string"/>
    <xsl:param name="unit" as="element()?"/>
    <xsl:document>
      <TEI xmlns="http://www.tei-c.org/ns/1.0">
        <dts:wrapper ref="{$ref}"><xsl:sequence select="$unit"/></dts:wrapper>
      </TEI>
    </xsl:document>
  </xsl:function>

  <xsl:function name="dts:unit" as="map(*)">
    <xsl:param name="p" as="element(m:para)"/>
    <xsl:sequence select="map{'identifier': string($p/@n), '@type': 'CitableUnit', 'level': 1, 'parent': (),
        'citeType': 'paragraph', 'dublinCore': map{'title': '§' || $p/@n}}"/>
  </xsl:function>

  <!-- ===== the corpus: entry point and collections, from the summaries ===== -->

  <xsl:template name="corpus-files" as="map(xs:string, item())">
    <xsl:variable name="docs" select="/corpus/summary"/>
    <xsl:variable name="resources" select="$docs ! dts:resource(.)"/>
    <xsl:sequence select="map:merge((
      map:entry('dts/index.jsonld', dts:json(map{'@context': $dts:context, 'dtsVersion': '1.0', '@type': 'EntryPoint',
          '@id': $dts:root || 'index.jsonld',
          'collection': $dts:root || 'collection{/id}.jsonld',
          'navigation': $dts:root || 'navigation/{resource}{;tree}{;down}{/ref}.jsonld',
          'document': $dts:root || 'document/{resource}{;tree}{/ref}.xml'})),
      map:entry('dts/collection.jsonld', dts:json(map{'@context': $dts:context, 'dtsVersion': '1.0', '@type': 'Collection',
          '@id': 'corpus', 'title': 'The documents of the edition at ' || $base-url,
          'collection': $dts:root || 'collection{/id}.jsonld', 'totalParents': 0, 'totalChildren': count($docs),
          'member': array{$resources}})),
      for $i in 1 to count($docs) return map:entry('dts/collection/' || encode-for-uri($docs[$i]/@id) || '.jsonld',
          dts:json(map:merge((map{'@context': $dts:context, 'dtsVersion': '1.0'}, $resources[$i]))))
      ))"/>
  </xsl:template>

  <!-- A document as a DTS Resource, with Dublin Core from its summary (the model's facts) and its downloads. -->
  <xsl:function name="dts:resource" as="map(*)">
    <xsl:param name="s" as="element(summary)"/>
    <xsl:sequence select="map:merge((
        map{'@id': string($s/@id), '@type': 'Resource', 'title': string($s/title), 'totalParents': 1, 'totalChildren': 0,
            'citationTrees': dts:citation-trees(xs:integer(($s/@paragraphs, 0)[1]), $s/m:cite-scheme), 'mediaTypes': array{'application/tei+xml'},
            'download': te:published-url($base-url, $s/@id, $s/@id || '.xml'),
            'dublinCore': map:merge((
                map{'title': array{map{'lang': 'en', 'value': string($s/title)}}},
                $s/@lang[. != ''] ! map{'language': array{string(.)}},
                $s/@date[. != ''] ! map{'date': string(.)},
                $s/action[@type = 'sent']/correspondent[1] ! map{'creator': array{$s/action[@type = 'sent']/correspondent ! string((@ref, .)[1])}},
                $s/action[@type = 'received']/correspondent[1] ! map{'audience': array{$s/action[@type = 'received']/correspondent ! string((@ref, .)[1])}},
                ($s/edition[ends-with(@file, '.html')])[1] ! map{'isFormatOf': array{te:published-url($base-url, $s/@id, @file)}}))},
        dts:templates($s/@id)))"/>
  </xsl:function>
</xsl:stylesheet>
