<?xml version="1.0" encoding="UTF-8"?>
<!--
  Citing a page, for people and for machines (included by html-common.xsl; issue 20): the canonical URL, the
  "How to cite" box with copy buttons and BibTeX, RIS and CSL-JSON downloads (files the driver writes beside the
  editions with h:cite-files), a citation for each § permalink, the
  Highwire citation_* tags reference managers read, Open Graph tags, schema.org JSON-LD, and the link to the TEI
  source published beside the editions. Every fact is the model's (m:meta, m:registers, m:citation); this
  stylesheet only writes them in each format.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    xmlns:te="https://teiedition.org/ns/functions"
    xmlns:m="https://teiedition.org/ns/model"
    xmlns:h="https://teiedition.org/ns/html"
    exclude-result-prefixes="#all"
    expand-text="yes">

  <!-- Set by the driver (EditionRenderer): the document's folder name in OUT, and the absolute URL OUT is published
       at (ending in "/"; absent: the build was given none, and no absolute URL is written anywhere). -->
  <xsl:param name="document" as="xs:string?" select="()"/>
  <xsl:param name="base-url" as="xs:string?" select="()"/>

  <xsl:variable name="h:cite-js" static="yes" as="xs:string" select="unparsed-text(resolve-uri('assets/cite.js', static-base-uri()), 'UTF-8')"/>

  <!-- The absolute URL of a file of this document's folder; empty without a base URL. -->
  <xsl:function name="h:url" as="xs:string?">
    <xsl:param name="file" as="xs:string"/>
    <xsl:sequence select="te:published-url($base-url, $document, $file)"/>
  </xsl:function>

  <!-- The TEI source's file name in the document's folder (Build copies it there: EditionRenderer.sourceFileName). -->
  <xsl:variable name="h:source" as="xs:string?" select="$document ! (. || '.xml')"/>

  <!-- ===== the facts a citation names, from the model ===== -->

  <xsl:function name="h:senders" as="element(m:correspondent)*">
    <xsl:param name="e" as="element(m:edition)"/>
    <xsl:sequence select="$e/m:meta/m:action[@type = 'sent']/m:correspondent"/>
  </xsl:function>
  <!-- a correspondent's name as family/given when its register entry sorts it so, else as written -->
  <xsl:function name="h:name-parts" as="map(xs:string, xs:string)">
    <xsl:param name="n" as="element()"/>
    <xsl:variable name="sort" select="$n/ancestor::m:edition/m:registers//m:entry[@id = $n/@ref]/@sort[contains(., ', ')]"/>
    <xsl:sequence select="if ($sort and not($n/@type = 'org')) then map{'family': substring-before($sort, ', '), 'given': substring-after($sort, ', ')}
                          else map{'literal': normalize-space($n)}"/>
  </xsl:function>
  <xsl:function name="h:edition-label" as="xs:string">
    <xsl:param name="e" as="element(m:edition)"/>
    <xsl:variable name="k" select="h:kind($e)"/>
    <xsl:sequence select="lower-case(substring($k, 1, 1)) || substring($k, 2)"/>
  </xsl:function>

  <!-- The citation as a reader copies it: editors, title, edition, publisher and date of the edition, the § cited
       ($para: an m:block or m:para with @n and @id; empty: the whole document) and the absolute URL. -->
  <xsl:function name="h:citation" as="xs:string">
    <xsl:param name="e" as="element(m:edition)"/>
    <xsl:param name="para" as="element()?"/>
    <xsl:variable name="c" select="te:citation($e, h:edition-label($e), $para/@n ! ('§' || .))"/>
    <xsl:variable name="url" select="h:url($h:this?file) ! (. || ($para/@id ! ('#' || .)))"/>
    <xsl:sequence select="$c?before || $c?title || $c?after || $url ! (' ' || .)"/>
  </xsl:function>

  <!-- ===== head: canonical URL, TEI source, Highwire, Open Graph, JSON-LD ===== -->

  <xsl:template name="h:cite-head">
    <xsl:param name="model" as="document-node()"/>
    <xsl:variable name="e" select="$model/m:edition"/>
    <xsl:variable name="meta" select="$e/m:meta"/>
    <xsl:variable name="url" select="h:url($h:this?file)"/>
    <xsl:for-each select="$url"><link rel="canonical" href="{.}"/></xsl:for-each>
    <xsl:for-each select="$h:source"><link rel="alternate" type="application/tei+xml" href="{.}" title="TEI source"/></xsl:for-each>
    <meta name="citation_title" content="{$meta/m:title}"/>
    <xsl:for-each select="h:senders($e)"><meta name="citation_author" content="{h:name-parts(.) ! (if (?literal) then ?literal else ?family || ', ' || ?given)}"/></xsl:for-each>
    <xsl:for-each select="te:editors($e)"><meta name="citation_editor" content="{.}"/></xsl:for-each>
    <xsl:for-each select="$meta/@date[. != '']"><meta name="citation_date" content="{translate(., '-', '/')}"/></xsl:for-each>
    <xsl:for-each select="$e/@published"><meta name="citation_publication_date" content="{translate(., '-', '/')}"/></xsl:for-each>
    <xsl:for-each select="te:publisher($e)"><meta name="citation_publisher" content="{.}"/></xsl:for-each>
    <meta name="citation_language" content="{$e/@lang}"/>
    <xsl:for-each select="$url">
      <meta name="citation_public_url" content="{.}"/>
      <meta name="citation_abstract_html_url" content="{.}"/>
    </xsl:for-each>
    <xsl:for-each select="$editions[?file = 'print.pdf'] ! h:url(?file)"><meta name="citation_pdf_url" content="{.}"/></xsl:for-each>
    <meta property="og:type" content="article"/>
    <meta property="og:title" content="{$meta/m:title}"/>
    <meta property="og:description" content="{h:edition-label($e)}{te:publisher($e) ! (', ' || .)}"/>
    <xsl:for-each select="$url"><meta property="og:url" content="{.}"/></xsl:for-each>
    <xsl:for-each select="te:publisher($e)"><meta property="og:site_name" content="{.}"/></xsl:for-each>
    <!-- '<' escaped: the JSON cannot end the script element -->
    <script type="application/ld+json">{replace(serialize(h:json-ld($e), map{'method': 'json', 'indent': true()}), '&lt;', '\\u003c')}</script>
  </xsl:template>

  <!-- schema.org: a letter is a Message (sender, recipient, dates, places, each with its authority URIs), any other
       document a CreativeWork; the edition's editors, publisher, date, licence and TEI encoding. -->
  <xsl:function name="h:json-ld" as="map(*)">
    <xsl:param name="e" as="element(m:edition)"/>
    <xsl:variable name="meta" select="$e/m:meta"/>
    <xsl:variable name="url" select="h:url($h:this?file)"/>
    <xsl:variable name="sent" select="$meta/m:action[@type = 'sent']"/>
    <xsl:variable name="received" select="$meta/m:action[@type = 'received']"/>
    <xsl:sequence select="map:merge((
        map{'@context': 'https://schema.org', '@type': if ($meta/m:action) then 'Message' else 'CreativeWork',
            'name': string($meta/m:title), 'inLanguage': string($e/@lang)},
        $url ! map{'@id': ., 'url': .},
        $sent/m:correspondent[1] ! map{'sender': array{$sent/m:correspondent ! h:agent(.)}},
        $received/m:correspondent[1] ! map{'recipient': array{$received/m:correspondent ! h:agent(.)}},
        ($sent/m:date/@when)[1] ! map{'dateSent': string(.)},
        ($received/m:date/@when)[1] ! map{'dateReceived': string(.)},
        ($sent/m:place)[1] ! map{'locationCreated': h:place(.)},
        $meta/m:action/m:place[1] ! map{'spatialCoverage': array{$meta/m:action/m:place ! h:place(.)}},
        te:editors($e)[1] ! map{'editor': array{te:editors($e) ! map{'@type': if (@type = 'org') then 'Organization' else 'Person', 'name': string(.)}}},
        te:publisher($e) ! map{'publisher': map{'@type': 'Organization', 'name': .}},
        $e/@published ! map{'datePublished': string(.)},
        ($meta/m:licence/@href)[1] ! map{'license': string(.)},
        $h:source ! map{'encoding': map{'@type': 'MediaObject', 'encodingFormat': 'application/tei+xml',
            'contentUrl': (h:url(.), .)[1]}}
      ))"/>
  </xsl:function>
  <xsl:function name="h:agent" as="map(*)">
    <xsl:param name="n" as="element()"/>
    <xsl:sequence select="map:merge((map{'@type': if ($n/@type = 'org') then 'Organization' else 'Person', 'name': normalize-space($n)},
        te:authority-uris($n)[1] ! map{'sameAs': array{te:authority-uris($n)}}))"/>
  </xsl:function>
  <xsl:function name="h:place" as="map(*)">
    <xsl:param name="n" as="element()"/>
    <xsl:sequence select="map:merge((map{'@type': 'Place', 'name': normalize-space($n)},
        te:authority-uris($n)[1] ! map{'sameAs': array{te:authority-uris($n)}}))"/>
  </xsl:function>

  <!-- ===== the formats reference managers import ===== -->

  <!-- BibTeX: braces and TeX's special characters escaped; organisations braced whole ("{tei-edition editors}"). -->
  <xsl:function name="h:bib-text" as="xs:string">
    <xsl:param name="s" as="xs:string?"/>
    <xsl:sequence select="replace(replace(replace(string($s), '\\', '\\textbackslash '), '([{}&amp;%$#_])', '\\$1'), '([~^])', '\\$1{}')"/>
  </xsl:function>
  <xsl:function name="h:bib-name" as="xs:string">
    <xsl:param name="n" as="element()"/>
    <xsl:variable name="p" select="h:name-parts($n)"/>
    <xsl:sequence select="if ($p?literal and $n/@type = 'org') then '{' || h:bib-text($p?literal) || '}'
                          else if ($p?literal) then h:bib-text($p?literal) else h:bib-text($p?family) || ', ' || h:bib-text($p?given)"/>
  </xsl:function>
  <xsl:function name="h:bibtex" as="xs:string">
    <xsl:param name="e" as="element(m:edition)"/>
    <xsl:variable name="meta" select="$e/m:meta"/>
    <xsl:variable name="fields" as="xs:string*" select="
        ('title', '{' || h:bib-text($meta/m:title) || '}'),
        h:senders($e)[1] ! ('author', string-join(h:senders($e) ! h:bib-name(.), ' and ')),
        te:editors($e)[1] ! ('editor', string-join(te:editors($e) ! h:bib-name(.), ' and ')),
        $meta/@date[. != ''] ! ('date', string(.), 'year', substring(., 1, 4)),
        ('howpublished', h:bib-text(string-join((h:edition-label($e), te:publisher($e), te:edition-date($e)), ', '))),
        te:publisher($e) ! ('publisher', h:bib-text(.)),
        $e/@published ! ('edition-date', string(.)),
        h:url($h:this?file) ! ('url', .),
        ('language', string($e/@lang))"/>
    <xsl:sequence select="'@misc{' || replace(($document, 'document')[1], '[^A-Za-z0-9_:-]', '-') || ',&#10;'
        || string-join(for $i in 1 to count($fields) idiv 2 return '  ' || $fields[2 * $i - 1] || ' = {' || $fields[2 * $i] || '}', ',&#10;')
        || '&#10;}&#10;'"/>
  </xsl:function>

  <!-- RIS: TY LETTER for correspondence, else GEN; AU the sender, ED the editors, DA the document's date. -->
  <xsl:function name="h:ris" as="xs:string">
    <xsl:param name="e" as="element(m:edition)"/>
    <xsl:variable name="meta" select="$e/m:meta"/>
    <xsl:variable name="lines" as="xs:string*" select="
        'TY  - ' || (if ($meta/m:action) then 'LETTER' else 'GEN'),
        'TI  - ' || $meta/m:title,
        h:senders($e) ! ('AU  - ' || h:name-parts(.) ! (if (?literal) then ?literal else ?family || ', ' || ?given)),
        te:editors($e) ! ('ED  - ' || .),
        $meta/@date[. != ''] ! ('PY  - ' || substring(., 1, 4)),
        $meta/@date[. != ''] ! ('DA  - ' || translate(., '-', '/')),
        'ET  - ' || string-join((h:edition-label($e), te:edition-date($e)), ', '),
        te:publisher($e) ! ('PB  - ' || .),
        h:url($h:this?file) ! ('UR  - ' || .),
        'LA  - ' || $e/@lang,
        'ER  - '"/>
    <xsl:sequence select="string-join($lines ! replace(., '[\r\n]+', ' '), '&#13;&#10;') || '&#13;&#10;'"/>
  </xsl:function>

  <!-- CSL-JSON (one item): personal_communication for correspondence, else document. -->
  <xsl:function name="h:csl" as="xs:string">
    <xsl:param name="e" as="element(m:edition)"/>
    <xsl:variable name="meta" select="$e/m:meta"/>
    <xsl:variable name="item" select="map:merge((
        map{'id': ($document, 'document')[1], 'type': if ($meta/m:action) then 'personal_communication' else 'document',
            'title': string($meta/m:title), 'medium': h:edition-label($e), 'language': string($e/@lang)},
        h:senders($e)[1] ! map{'author': array{h:senders($e) ! h:name-parts(.)}},
        $meta/m:action[@type = 'received']/m:correspondent[1] ! map{'recipient': array{$meta/m:action[@type = 'received']/m:correspondent ! h:name-parts(.)}},
        te:editors($e)[1] ! map{'editor': array{te:editors($e) ! map{'literal': string(.)}}},
        $meta/@date[. != ''] ! map{'issued': map{'date-parts': array{array{tokenize(., '-') ! xs:integer(.)}}}},
        $e/@published ! map{'available-date': map{'date-parts': array{array{tokenize(., '-') ! xs:integer(.)}}}},
        te:publisher($e) ! map{'publisher': .},
        h:url($h:this?file) ! map{'URL': .}))"/>
    <xsl:sequence select="serialize(array{$item}, map{'method': 'json', 'indent': true()})"/>
  </xsl:function>

  <!-- The downloads of the "How to cite" box, written beside the editions by the driver
       (EditionRenderer.citationFiles, through cite-files.xsl): file extension -> text, for the edition named $edition. -->
  <xsl:template name="h:cite-files" as="map(xs:string, xs:string)">
    <xsl:context-item as="document-node(element(m:edition))" use="required"/>
    <xsl:sequence select="map{'bib': h:bibtex(m:edition), 'ris': h:ris(m:edition), 'csl.json': h:csl(m:edition)}"/>
  </xsl:template>

  <!-- ===== the "How to cite" box ===== -->

  <xsl:template name="h:cite">
    <xsl:param name="e" as="element(m:edition)"/>
    <xsl:variable name="name" select="($document, 'document')[1]"/>
    <!-- data-cite-*: what cite.js makes a § permalink's citation of (te:cite-at's rule: the place before the full
         stop, the paragraph's fragment after the URL), said once instead of on every paragraph -->
    <xsl:variable name="stem" select="te:citation($e, h:edition-label($e))"/>
    <section id="cite" class="cite" aria-labelledby="cite-h" data-cite-stem="{$stem?before || $stem?title || $stem?after}">
      <xsl:for-each select="h:url($h:this?file)"><xsl:attribute name="data-cite-url" select="."/></xsl:for-each>
      <h2 id="cite-h">How to cite</h2>
      <p class="citation" id="citation">{h:citation($e, ())}</p>
      <xsl:if test="empty(h:url($h:this?file))">
        <p class="cite-url-unknown">The address of this page is unknown: the edition was built without a base URL
          (<code>--base-url</code>), so no URL is given above.</p>
      </xsl:if>
      <p class="cite-actions">
        <button type="button" class="copy-cite" data-copy="{h:citation($e, ())}" hidden="hidden">Copy the citation</button>
        <xsl:text> Download: </xsl:text>
        <a class="cite-bibtex" download="" type="application/x-bibtex" href="{$name}.bib">BibTeX</a>,
        <a class="cite-ris" download="" type="application/x-research-info-systems" href="{$name}.ris">RIS</a>,
        <a class="cite-csl" download="" type="application/vnd.citationstyles.csl+json" href="{$name}.csl.json">CSL-JSON</a>
        <xsl:for-each select="$h:source">, <a class="cite-tei" href="{.}" type="application/tei+xml">TEI source</a></xsl:for-each>.
      </p>
      <xsl:if test="$e/m:citation/m:para">
        <p>Every paragraph has a stable address: cite it as §1 … §{count($e/m:citation/m:para)} with the URL fragment
          <code>#p1</code> … <code>#p{count($e/m:citation/m:para)}</code>, for example
          <q class="cite-example">{h:citation($e, $e/m:citation/m:para[1])}</q>. The § number beside each paragraph is
          its permalink; its “cite” button copies the paragraph's citation.</p>
      </xsl:if>
      <script>{$h:cite-js}</script>
    </section>
  </xsl:template>

  <!-- In the colophon of every view: where the TEI source is. -->
  <xsl:template name="h:source-link">
    <xsl:for-each select="$h:source">
      <p class="source">The TEI source of this document: <a href="{.}" type="application/tei+xml">{.}</a>.</p>
    </xsl:for-each>
  </xsl:template>
</xsl:stylesheet>
