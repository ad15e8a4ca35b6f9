<?xml version="1.0" encoding="UTF-8"?>
<!--
  Shared function library (prefix te). Every stylesheet that needs to know "which reading does witness W
  have", "which number/letter does this note get", "is this link safe" or "which sign marks a gap" imports this
  module, so that each rule is written once.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:te="https://teiedition.org/ns/functions"
    xmlns:m="https://teiedition.org/ns/model"
    exclude-result-prefixes="#all"
    expand-text="yes">

  <!-- ===== publishing ===== -->

  <!-- The absolute URL of $path (a file of the document's folder, "reading.html", or a path below it, "canvas/f1")
       when OUT is published at $base-url (ending in "/"); empty without a base URL or a document, so that no edition
       prints a relative address where an absolute one belongs. The one rule for every edition's own address. -->
  <xsl:function name="te:published-url" as="xs:string?">
    <xsl:param name="base-url" as="xs:string?"/>
    <xsl:param name="document" as="xs:string?"/>
    <xsl:param name="path" as="xs:string"/>
    <xsl:sequence select="if (exists($base-url) and exists($document))
        then $base-url || encode-for-uri($document) || '/' || string-join(tokenize($path, '/') ! encode-for-uri(.), '/') else ()"/>
  </xsl:function>

  <!-- ===== citing an edition: the facts from the model, and the one wording every output uses ===== -->

  <xsl:function name="te:editors" as="element(m:editor)*">
    <xsl:param name="e" as="element(m:edition)"/>
    <xsl:sequence select="for $n in distinct-values($e/m:meta/m:editor[normalize-space()]) return ($e/m:meta/m:editor[. = $n])[1]"/>
  </xsl:function>
  <xsl:function name="te:publisher" as="xs:string?">
    <xsl:param name="e" as="element(m:edition)"/>
    <xsl:sequence select="($e/m:meta/m:publication/@publisher)[1]/string()"/>
  </xsl:function>
  <!-- the date the edition was published: as the header words it, else as an ISO date -->
  <xsl:function name="te:edition-date" as="xs:string?">
    <xsl:param name="e" as="element(m:edition)"/>
    <xsl:sequence select="(($e/m:meta/m:publication/@date)[1]/string(), $e/@published/string())[1]"/>
  </xsl:function>

  <!-- The citation of $edition (its label, "reading edition") of the document, at $place ("§3", or empty for the
       whole document), as a reader copies it: editors, title, edition, publisher and date, place. In three parts, so
       that an output can set the title apart; the URL, if any, follows them. -->
  <xsl:function name="te:citation" as="map(xs:string, xs:string)">
    <xsl:param name="e" as="element(m:edition)"/>
    <xsl:param name="edition" as="xs:string"/>
    <xsl:param name="place" as="xs:string?"/>
    <xsl:sequence select="te:cite-at(te:citation($e, $edition), $place)"/>
  </xsl:function>

  <!-- The citation without its place and final full stop (a page's "How to cite" carries it once for cite.js, which
       adds a §'s place as te:cite-at does). -->
  <xsl:function name="te:citation" as="map(xs:string, xs:string)">
    <xsl:param name="e" as="element(m:edition)"/>
    <xsl:param name="edition" as="xs:string"/>
    <xsl:variable name="eds" select="te:editors($e)"/>
    <xsl:sequence select="map{
        'before': if (exists($eds)) then string-join($eds, ', ') || (if (count($eds) gt 1) then ' (eds.), ' else ' (ed.), ') else '',
        'title': string($e/m:meta/m:title),
        'after': string-join((', ' || $edition,
            string-join((te:publisher($e), te:edition-date($e)), ', ')[. != ''] ! (', ' || .)), '')}"/>
  </xsl:function>

  <!-- A citation of te:citation#2 at $place ("§3"; empty: the whole document). -->
  <xsl:function name="te:cite-at" as="map(xs:string, xs:string)">
    <xsl:param name="citation" as="map(xs:string, xs:string)"/>
    <xsl:param name="place" as="xs:string?"/>
    <xsl:sequence select="map:put($citation, 'after', $citation?after || $place[. != ''] ! (', ' || .) || '.')"/>
  </xsl:function>

  <!-- ===== witnesses ===== -->

  <!-- The sigla named by a pointer attribute such as @wit, @source, @edRef (or its text): "#A #B" -> ("A", "B"). -->
  <xsl:function name="te:sigla" as="xs:string*">
    <xsl:param name="pointers" as="xs:string*"/>
    <xsl:sequence select="for $t in $pointers ! tokenize(.) return (if (starts-with($t, '#')) then substring($t, 2) else $t)"/>
  </xsl:function>

  <!-- The sigla a reading (lem, rdg, corr, sic, reg...) is attested by: @wit, else @source. -->
  <xsl:function name="te:witness-of" as="xs:string*">
    <xsl:param name="reading" as="element()"/>
    <xsl:sequence select="te:sigla(($reading/@wit, $reading/@source)[1])"/>
  </xsl:function>

  <!-- The declared witnesses by keys, built once per document: these lookups are made for every reading, choice and
       break, and a search of the document each time made large texts quadratic. -->
  <xsl:key name="te:witnesses" match="tei:teiHeader//tei:listWit//tei:witness[@xml:id]" use="'*'"/>
  <xsl:key name="te:witness-by-id" match="tei:teiHeader//tei:listWit//tei:witness[@xml:id]" use="string(@xml:id)"/>
  <xsl:key name="te:witness-by-role" match="tei:teiHeader//tei:listWit//tei:witness[@xml:id]" use="te:sigla(@ana)"/>

  <!-- The witnesses of $node's document that key $key gives for $value (a tree without a document node: searched). -->
  <xsl:function name="te:witness-lookup" as="element(tei:witness)*" visibility="private">
    <xsl:param name="node" as="node()"/>
    <xsl:param name="key" as="xs:string"/>
    <xsl:param name="value" as="xs:string"/>
    <xsl:variable name="root" select="root($node)"/>
    <xsl:sequence select="if ($root instance of document-node()) then key($key, $value, $root)
        else $root//tei:teiHeader//tei:listWit//tei:witness[@xml:id][
          if ($key = 'te:witness-by-id') then @xml:id = $value
          else if ($key = 'te:witness-by-role') then te:sigla(@ana) = $value else true()]"/>
  </xsl:function>

  <!-- All declared witnesses of the document of $node. -->
  <xsl:function name="te:witnesses" as="element(tei:witness)*">
    <xsl:param name="node" as="node()"/>
    <xsl:sequence select="te:witness-lookup($node, 'te:witnesses', '*')"/>
  </xsl:function>

  <!-- The declared witness called $id in the document of $node, if any. -->
  <xsl:function name="te:witness" as="element(tei:witness)?">
    <xsl:param name="node" as="node()"/>
    <xsl:param name="id" as="xs:string"/>
    <xsl:sequence select="te:witness-lookup($node, 'te:witness-by-id', $id)[1]"/>
  </xsl:function>

  <!-- The declared witnesses whose @ana names $role (copy-text, authoritative). -->
  <xsl:function name="te:witnesses-in-role" as="element(tei:witness)*">
    <xsl:param name="node" as="node()"/>
    <xsl:param name="role" as="xs:string"/>
    <xsl:sequence select="te:witness-lookup($node, 'te:witness-by-role', $role)"/>
  </xsl:function>

  <!-- The siglum of the copy-text: the witness whose @ana names #copy-text, else the first witness.
       A document that declares no witnesses has one implicit witness, called "copy-text". -->
  <xsl:function name="te:copy-text" as="xs:string">
    <xsl:param name="node" as="node()"/>
    <xsl:sequence select="((te:witnesses-in-role($node, 'copy-text'), te:witnesses($node))[1]/@xml:id/string(), 'copy-text')[1]"/>
  </xsl:function>

  <!-- The siglum shown to readers: abbr[@type='siglum'], else @n, else the xml:id. -->
  <xsl:function name="te:siglum-label" as="xs:string">
    <xsl:param name="witness" as="element(tei:witness)"/>
    <xsl:sequence select="normalize-space(($witness/tei:abbr[@type = 'siglum'], $witness/@n, $witness/@xml:id)[1])"/>
  </xsl:function>

  <!-- ===== the readings of a view ===== -->

  <!-- The lem/rdg that witness $w reads in an app; $w empty = the reading (edited) view: the lem,
       or without lem the first rdg. A witness not named in the app agrees with the lemma. -->
  <xsl:function name="te:reading-for" as="element()?">
    <xsl:param name="app" as="element(tei:app)"/>
    <xsl:param name="w" as="xs:string?"/>
    <xsl:variable name="readings" select="$app/(tei:lem | tei:rdg | tei:rdgGrp/(tei:lem | tei:rdg))"/>
    <xsl:variable name="lemma" select="($readings[self::tei:lem], $readings[self::tei:rdg])[1]"/>
    <xsl:sequence select="if (empty($w)) then $lemma
                          else ($readings[te:witness-of(.) = $w], $lemma)[1]"/>
  </xsl:function>

  <!-- The child of a choice that the view shows. A child whose @wit/@source names $w wins; the
       copy-text reads the "as transmitted" side (sic, orig, abbr), every other witness and the
       reading view read the edited side (corr, reg, expan). -->
  <xsl:function name="te:choice-for" as="element()?">
    <xsl:param name="choice" as="element(tei:choice)"/>
    <xsl:param name="w" as="xs:string?"/>
    <xsl:variable name="kids" select="$choice/*"/>
    <xsl:variable name="edited" select="($kids[self::tei:corr], $kids[self::tei:reg], $kids[self::tei:expan], $kids[self::tei:seg], $kids)[1]"/>
    <xsl:variable name="transmitted" select="($kids[self::tei:sic], $kids[self::tei:orig], $kids[self::tei:abbr], $kids)[1]"/>
    <xsl:sequence select="if (empty($w)) then $edited
                          else ($kids[te:witness-of(.) = $w],
                                if ($w = te:copy-text($choice)) then $transmitted else $edited)[1]"/>
  </xsl:function>

  <!-- ===== apparatus and notes ===== -->

  <!-- An apparatus entry: an app with readings, a sic/corr choice, or a textual note that is not
       attached to one of those. -->
  <xsl:function name="te:is-entry" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="($e/self::tei:app and exists($e/(tei:lem | tei:rdg | tei:rdgGrp)))
                          or ($e/self::tei:choice and exists($e/(tei:sic | tei:corr)))
                          or ($e/self::tei:note and te:note-kind($e) = 'textual' and empty(te:note-host($e)))"/>
  </xsl:function>

  <!-- textual | commentary | inline (a note that is the content of a reading-less app, as in EpiDoc listApp). -->
  <xsl:function name="te:note-kind" as="xs:string">
    <xsl:param name="note" as="element(tei:note)"/>
    <xsl:sequence select="if ($note/parent::tei:app[empty(tei:lem | tei:rdg | tei:rdgGrp)]) then 'inline'
                          else if ($note/@type = 'textual') then 'textual' else 'commentary'"/>
  </xsl:function>

  <!-- The apparatus entry (app or sic/corr choice) a textual note is attached to: the element its
       @target names, else (no @target) the element right before it. -->
  <xsl:function name="te:note-host" as="element()?">
    <xsl:param name="note" as="element(tei:note)"/>
    <xsl:variable name="ids" select="te:sigla($note/@target)"/>
    <xsl:variable name="cand" select="if (exists($ids))
        then id($ids, $note)
        else $note/preceding-sibling::node()[not(self::text()[not(normalize-space())])][1][self::element()]"/>
    <xsl:sequence select="$cand[(self::tei:app and exists(tei:lem | tei:rdg | tei:rdgGrp))
                                or (self::tei:choice and exists(tei:sic | tei:corr))][1]"/>
  </xsl:function>

  <!-- Textual notes by the ids their @target names: a lookup per apparatus entry instead of a scan of the
       document (which made large documents quadratic). -->
  <xsl:key name="te:textual-note-by-target" match="tei:note[@type = 'textual']" use="te:sigla(@target)"/>

  <!-- Apparatus letters: 1 -> a ... 26 -> z, 27 -> aa, 28 -> ab ... (bijective base 26). -->
  <xsl:function name="te:letter" as="xs:string" visibility="public">
    <xsl:param name="n" as="xs:integer"/>
    <xsl:sequence select="if ($n le 0) then ''
                          else te:letter(($n - 1) idiv 26) || codepoints-to-string(97 + ($n - 1) mod 26)"/>
  </xsl:function>

  <!-- A long lemma is cited as "first … last" (more than $max words). -->
  <xsl:function name="te:short-lemma" as="xs:string">
    <xsl:param name="text" as="xs:string"/>
    <xsl:variable name="words" select="tokenize(normalize-space($text), ' ')"/>
    <xsl:sequence select="if (count($words) le 4) then string-join($words, ' ')
                          else $words[1] || ' … ' || $words[last()]"/>
  </xsl:function>

  <!-- ===== signs and headings every output shows (HTML, PDF, plain text) ===== -->

  <!-- The editorial signs (Leiden conventions): supplied-open/-close [ ], expansion-open/-close ( ), gap […],
       page ‖ (a page or column break), omitted om. (an empty reading). -->
  <xsl:function name="te:sign" as="xs:string">
    <xsl:param name="name" as="xs:string"/>
    <xsl:sequence select="map{'supplied-open': '[', 'supplied-close': ']', 'expansion-open': '(', 'expansion-close': ')',
        'gap': '[…]', 'page': '‖', 'omitted': 'om.', 'restored-open': '⟨', 'restored-close': '⟩', 'correction-here': '‸'}($name)"/>
  </xsl:function>

  <!-- What a correspondence action is called on every output (correspAction/@type): Sent, Received, Redirected... -->
  <xsl:function name="te:action-label" as="xs:string">
    <xsl:param name="type" as="xs:string"/>
    <xsl:sequence select="upper-case(substring($type, 1, 1)) || substring($type, 2)"/>
  </xsl:function>

  <!-- The heading of a register (m:register/@type person | place | org). -->
  <xsl:function name="te:register-heading" as="xs:string">
    <xsl:param name="type" as="xs:string"/>
    <xsl:sequence select="(map{'person': 'Persons', 'place': 'Places', 'org': 'Organisations'}($type),
                           upper-case(substring($type, 1, 1)) || substring($type, 2))[1]"/>
  </xsl:function>

  <!-- ===== links ===== -->

  <!-- The one gate for every link that comes from the source (@target, @ref, @url, @facs...):
       http, https, relative and fragment URLs pass; any other scheme (javascript:, data:, vbscript:,
       file:...) gives the empty sequence. Whitespace and control characters are removed first,
       because browsers ignore them inside a scheme ("java&#9;script:"). A link starting with two slashes
       of either kind (//host, \\host, \/host, /\host) names another host: from a page opened on disk
       that is file://host/ (an SMB share on Windows), so every such form is refused by one rule. -->
  <xsl:function name="te:safe-href" as="xs:string?" visibility="public">
    <xsl:param name="url" as="xs:string?"/>
    <!-- Fast path, same answer: an http(s) URL of printable ASCII only has nothing to remove and passes. -->
    <xsl:sequence select="if ((starts-with($url, 'https://') or starts-with($url, 'http://'))
                              and translate($url, $te:printable-ascii, '') = '') then $url
                          else te:safe-href-checked($url)"/>
  </xsl:function>

  <xsl:variable name="te:printable-ascii" static="yes" as="xs:string" select="codepoints-to-string(33 to 126)"/>

  <xsl:function name="te:safe-href-checked" as="xs:string?">
    <xsl:param name="url" as="xs:string?"/>
    <xsl:variable name="u" select="replace(string($url), '[\s\p{Cc}\p{Cf}]', '')"/>
    <xsl:sequence select="if ($u = '') then ()
        else if (matches($u, '^[A-Za-z][A-Za-z0-9+.\-]*:'))
          then (if (matches($u, '^https?://', 'i')) then $u else ())
        else if (matches($u, '^[/\\]{2}')) then ()
        else $u"/>
  </xsl:function>

  <!-- The URL of an authority record from an idno (bare identifier or full URL). -->
  <xsl:function name="te:authority-url" as="xs:string?">
    <xsl:param name="idno" as="element(tei:idno)"/>
    <xsl:variable name="v" select="normalize-space($idno)"/>
    <xsl:variable name="type" select="lower-case(($idno/@subtype[$idno/@type = ('URL', 'url', 'uri', 'URI')], $idno/@type, '')[1])"/>
    <xsl:sequence select="te:safe-href(
        if (starts-with($v, 'http://') or starts-with($v, 'https://')) then $v
        else if ($v = '') then ()
        else if ($type = 'wikidata') then 'https://www.wikidata.org/entity/' || $v
        else if ($type = 'viaf') then 'https://viaf.org/viaf/' || $v
        else if ($type = 'geonames') then 'https://www.geonames.org/' || $v
        else if ($type = 'gnd') then 'https://d-nb.info/gnd/' || $v
        else ())"/>
  </xsl:function>

  <!-- The authority URIs (Wikidata, GND, VIAF, GeoNames...) of a name in a model view's m:meta (m:correspondent,
       m:place): the links of its register entry, else its own URL. Citations, CMIF and JSON-LD name entities by them. -->
  <xsl:function name="te:authority-uris" as="xs:string*">
    <xsl:param name="name" as="element()"/>
    <xsl:sequence select="if ($name/@ref) then $name/ancestor::m:edition/m:registers/m:register/m:entry[@id = $name/@ref]/m:link/@href/string()
                          else $name/@href[matches(., '^https?://')]/string()"/>
  </xsl:function>

  <!-- A label for an authority link: Wikidata, VIAF, GeoNames, GND, or the host name. -->
  <xsl:function name="te:authority-label" as="xs:string">
    <xsl:param name="url" as="xs:string"/>
    <!-- the regex below, without it for the usual http(s) URL (no line ends for . to stop at) -->
    <xsl:variable name="rest" select="if (contains($url, '&#10;') or contains($url, '&#13;')) then () else if (starts-with($url, 'https://')) then substring($url, 9)
                                      else if (starts-with($url, 'http://')) then substring($url, 8) else ()"/>
    <xsl:variable name="run" select="substring-before($rest || '/', '/')"/>
    <xsl:variable name="host" select="if (empty($rest)) then replace($url, '^https?://(www\.)?([^/]+).*$', '$2')
                                      else if ($run = '') then $url
                                      else if (starts-with($run, 'www.') and string-length($run) gt 4) then substring($run, 5)
                                      else $run"/>
    <xsl:sequence select="(map{'wikidata.org': 'Wikidata', 'viaf.org': 'VIAF', 'geonames.org': 'GeoNames', 'd-nb.info': 'GND'}($host), $host)[1]"/>
  </xsl:function>

  <!-- Fixed list of @rend values that become classes; anything else is dropped (no source styling). -->
  <xsl:variable name="te:rend-classes" as="xs:string+" select="('italic', 'bold', 'underline', 'superscript',
      'subscript', 'smallcaps', 'small-caps', 'strikethrough', 'spaced', 'caps', 'uppercase', 'strong', 'tall',
      'ligature', 'left', 'right', 'center', 'centre', 'indent', 'latintype', 'antiqua', 'overline', 'large', 'small')"/>

  <xsl:function name="te:rend-classes" as="xs:string?">
    <xsl:param name="rend" as="attribute()?"/>
    <xsl:variable name="known" select="tokenize(lower-case(normalize-space($rend)), '[\s,;()]+')[. = $te:rend-classes]"/>
    <xsl:sequence select="if (exists($known)) then string-join(distinct-values($known), ' ') else ()"/>
  </xsl:function>

  <!-- A language tag safe for HTML lang (BCP 47 shape), else empty. BCP 47 uses the two-letter code where ISO 639-1
       has one: the three-letter codes encoders often write for the languages of European letters are mapped to it
       ("fra" is "fr"), so that browsers and screen readers know the language. -->
  <xsl:variable name="te:iso639-1" as="map(xs:string, xs:string)" select="map{
      'fra': 'fr', 'fre': 'fr', 'deu': 'de', 'ger': 'de', 'eng': 'en', 'ita': 'it', 'spa': 'es', 'por': 'pt', 'lat': 'la',
      'ell': 'el', 'gre': 'el', 'rus': 'ru', 'pol': 'pl', 'ces': 'cs', 'cze': 'cs', 'slk': 'sk', 'slo': 'sk', 'slv': 'sl',
      'hrv': 'hr', 'srp': 'sr', 'hun': 'hu', 'nld': 'nl', 'dut': 'nl', 'dan': 'da', 'swe': 'sv', 'nor': 'no', 'fin': 'fi',
      'heb': 'he', 'yid': 'yi', 'ara': 'ar', 'tur': 'tr', 'ukr': 'uk', 'ron': 'ro', 'rum': 'ro', 'bul': 'bg', 'cat': 'ca',
      'lit': 'lt', 'lav': 'lv', 'est': 'et', 'zho': 'zh', 'chi': 'zh', 'jpn': 'ja'}"/>
  <xsl:function name="te:lang" as="xs:string?">
    <xsl:param name="l" as="xs:string?"/>
    <xsl:sequence select="for $t in $l[matches(., '^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$')]
        return let $primary := lower-case(substring-before($t || '-', '-')), $two := $te:iso639-1($primary)
        return if (exists($two)) then $two || substring($t, string-length($primary) + 1) else $t"/>
  </xsl:function>
</xsl:stylesheet>
