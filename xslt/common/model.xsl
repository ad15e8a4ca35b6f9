<?xml version="1.0" encoding="UTF-8"?>
<!--
  The shared text model: TEI -> a small view model (namespace m, documented in xslt/README.md).
  Every decision about what a view shows (choice, app, subst, add/del, supplied, gap, unclear,
  numbering, ids, name lookup) is made here, once.

  Run on its own, this stylesheet writes one view of the source document; the Java driver runs it once per
  document and view and hands the result to every edition that renders that view (Edition.view), so the
  editions are compiled without this module; the same view feeds the corpus pages (site/summary.xsl reads
  m:meta and m:registers of the reading view). Only the text exports (text/*.xsl) import it and call
  te:model(/, $witness) themselves.

  $view: reading (the edited text) or diplomatic (one witness as transmitted);
  $witness: the diplomatic view's witness, by default the copy-text. Without $view, a witness means the
  diplomatic view of that witness and no witness the reading view.
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

  <xsl:import href="functions.xsl"/>
  <xsl:include href="facsimile.xsl"/>

  <xsl:param name="witness" as="xs:string?"/>
  <xsl:param name="view" as="xs:string" select="if (normalize-space($witness)) then 'diplomatic' else 'reading'"/>

  <xsl:output method="xml" indent="no" encoding="UTF-8"/>

  <!-- Standalone use (and the driver's model step): the $view of the document. -->
  <xsl:mode on-no-match="fail"/>
  <xsl:template match="/">
    <xsl:choose>
      <xsl:when test="$view = 'diplomatic'">
        <xsl:sequence select="te:model(., te:diplomatic-witness(., $witness))"/>
      </xsl:when>
      <xsl:when test="$view = 'reading'">
        <xsl:sequence select="te:model(., ())"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:message terminate="yes" error-code="te:unknown-view">Unknown view '{$view}': reading or diplomatic.</xsl:message>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The witness a diplomatic view shows: the one asked for, by default the copy-text; a siglum the document does
       not declare stops with te:unknown-witness. -->
  <xsl:function name="te:diplomatic-witness" as="xs:string">
    <xsl:param name="doc" as="document-node()"/>
    <xsl:param name="witness" as="xs:string?"/>
    <xsl:variable name="declared" select="te:witnesses($doc)/@xml:id/string()"/>
    <xsl:if test="normalize-space($witness) and exists($declared) and not(normalize-space($witness) = $declared)">
      <xsl:message terminate="yes" error-code="te:unknown-witness">Unknown witness '{$witness}': this document declares {string-join($declared, ', ')}.</xsl:message>
    </xsl:if>
    <xsl:sequence select="($witness[normalize-space()], te:copy-text($doc))[1]"/>
  </xsl:function>

  <!-- TEI text -> model behaviours. Elements without a rule fall back to their content (text kept). -->
  <xsl:mode name="m:text" on-no-match="text-only-copy"/>
  <!-- the header parts shown as meta -->
  <xsl:mode name="m:meta" on-no-match="text-only-copy"/>

  <!-- ================================================================== -->
  <!-- Entry point                                                        -->
  <!-- ================================================================== -->

  <xsl:function name="te:model" as="document-node()">
    <xsl:param name="doc" as="document-node()"/>
    <xsl:param name="witness" as="xs:string?"/>
    <xsl:variable name="w" select="$witness[normalize-space()] ! normalize-space()"/>
    <xsl:variable name="scope" select="$doc//tei:text[not(ancestor::tei:text)]"/>
    <xsl:variable name="entries" select="$scope//(tei:app | tei:choice | tei:note)[te:is-entry(.)]"/>
    <xsl:variable name="notes" select="$scope//tei:note[te:note-kind(.) = 'commentary']"/>
    <xsl:variable name="paras" select="te:citable-paragraphs($doc)"/>
    <xsl:variable name="regs" select="te:register-items($doc)"/>
    <xsl:variable name="labels" select="te:siglum-labels($doc)"/>
    <xsl:variable name="idx" as="map(*)" select="map{
        'entry': map:merge(for $i in 1 to count($entries) return map:entry(generate-id($entries[$i]), $i)),
        'note': map:merge(for $i in 1 to count($notes) return map:entry(generate-id($notes[$i]), $i)),
        'para': map:merge(for $i in 1 to count($paras) return map:entry(generate-id($paras[$i]), $i)),
        'reg': map:merge(for $r in $regs return map:entry(string($r/@xml:id), local-name($r))),
        'siglum': $labels, 'copy-text': te:copy-text($doc), 'facs': te:facs-index($doc),
        'attested': if (exists($w)) then map{} else te:attestations($doc, $labels)}"/>
    <xsl:variable name="tei" select="($doc/tei:TEI, $doc//tei:TEI)[1]"/>
    <xsl:document>
      <m:edition view="{if (exists($w)) then 'diplomatic' else 'reading'}" copy-text="{te:copy-text($doc)}"
                 lang="{(te:lang(($tei/@xml:lang, $scope/@xml:lang, $doc//tei:langUsage/tei:language/@ident)[1]), 'en')[1]}">
        <xsl:if test="exists($w)"><xsl:attribute name="witness" select="$w"/></xsl:if>
        <!-- the first dated publication statement, as the xs:date of its first day (a year, a month or a day;
             anything else gives none): the print edition's PDF and XMP dates -->
        <xsl:for-each select="($doc//tei:publicationStmt//tei:date/@when)[1]/normalize-space()">
          <xsl:for-each select="(if (matches(., '^\d{4}-\d{2}-\d{2}')) then substring(., 1, 10) else if (matches(., '^\d{4}-\d{2}$')) then . || '-01'
              else if (matches(., '^\d{4}$')) then . || '-01-01' else ())[. castable as xs:date]">
            <xsl:attribute name="published" select="."/>
          </xsl:for-each>
        </xsl:for-each>
        <xsl:apply-templates select="$doc" mode="m:meta">
          <xsl:with-param name="w" select="$w" tunnel="yes"/>
          <xsl:with-param name="idx" select="$idx" tunnel="yes"/>
        </xsl:apply-templates>
        <m:text>
          <xsl:apply-templates select="$scope/(tei:front | tei:body | tei:back | tei:group)" mode="m:text">
            <xsl:with-param name="w" select="$w" tunnel="yes"/>
            <xsl:with-param name="idx" select="$idx" tunnel="yes"/>
          </xsl:apply-templates>
        </m:text>
        <m:notes>
          <xsl:for-each select="$notes">
            <m:note id="n{position()}" n="{position()}" ref="nr{position()}">
              <xsl:call-template name="te:loc"><xsl:with-param name="idx" select="$idx" tunnel="yes"/></xsl:call-template>
              <xsl:apply-templates mode="m:text">
                <xsl:with-param name="w" select="$w" tunnel="yes"/>
                <xsl:with-param name="idx" select="$idx" tunnel="yes"/>
              </xsl:apply-templates>
            </m:note>
          </xsl:for-each>
        </m:notes>
        <!-- The apparatus is the reading view's: a witness's view only delimits the entries in its text (with the
             reading view's ids), which is what a diplomatic page and the parallel view need of it. -->
        <xsl:if test="empty($w)">
          <m:apparatus>
            <xsl:for-each select="$entries">
              <xsl:apply-templates select="." mode="m:entry">
                <xsl:with-param name="i" select="position()"/>
                <xsl:with-param name="w" select="$w" tunnel="yes"/>
                <xsl:with-param name="idx" select="$idx" tunnel="yes"/>
              </xsl:apply-templates>
            </xsl:for-each>
          </m:apparatus>
        </xsl:if>
        <m:registers>
          <xsl:for-each-group select="$regs" group-by="local-name()">
            <m:register type="{current-grouping-key() ! (if (. = 'personGrp') then 'person' else .)}">
              <xsl:apply-templates select="current-group()" mode="m:register"/>
            </m:register>
          </xsl:for-each-group>
        </m:registers>
        <m:citation>
          <xsl:for-each select="$paras">
            <m:para n="{position()}" id="p{position()}"/>
          </xsl:for-each>
        </m:citation>
        <xsl:sequence select="te:facsimile-model($doc, $idx?facs)"/>
      </m:edition>
    </xsl:document>
  </xsl:function>

  <!-- The paragraphs cited as §1, §2 ... (m:citation), in document order: those of the body, not in a note. The DTS
       API (site/dts.xsl) cuts its citable units with this same rule. -->
  <xsl:function name="te:citable-paragraphs" as="element(tei:p)*">
    <xsl:param name="doc" as="document-node()"/>
    <xsl:sequence select="$doc//tei:text[not(ancestor::tei:text)]//tei:body//tei:p[not(ancestor::tei:note)]"/>
  </xsl:function>

  <!-- The label of every declared witness by its id (the first witness of an id), made once per model: the lemma and
       readings of every apparatus entry name their witnesses. -->
  <xsl:function name="te:siglum-labels" as="map(xs:string, xs:string)">
    <xsl:param name="doc" as="document-node()"/>
    <xsl:sequence select="map:merge(te:witnesses($doc) ! map:entry(string(@xml:id), te:siglum-label(.)), map{'duplicates': 'use-first'})"/>
  </xsl:function>

  <!-- The labels of the witnesses each attestation of the document names (@wit, else @source), by its text, made once
       per model: every lemma and reading lists its witnesses, a lemma of a large tradition dozens of them. A siglum
       no witness declares is shown as it is. -->
  <xsl:function name="te:attestations" as="map(xs:string, xs:string*)">
    <xsl:param name="doc" as="document-node()"/>
    <xsl:param name="labels" as="map(xs:string, xs:string)"/>
    <xsl:sequence select="map:merge(distinct-values($doc//*[@wit or @source] ! string((@wit, @source)[1]))
        ! map:entry(., te:sigla(.) ! ($labels(.), .)[1]))"/>
  </xsl:function>

  <!-- The person/place/org entries of the document's registers (standOff, back, header lists). -->
  <xsl:function name="te:register-items" as="element()*">
    <xsl:param name="doc" as="document-node()"/>
    <xsl:sequence select="$doc//(tei:person | tei:personGrp | tei:place | tei:org)[@xml:id]
                          [not(ancestor::tei:body or ancestor::tei:front)]"/>
  </xsl:function>

  <!-- Where an entry is: @loc, the number of its paragraph, or outside the numbered paragraphs @place, the part of
       the text it is in, so that every entry can be found in the text by any view (the PDF also has its page). -->
  <xsl:template name="te:loc">
    <xsl:param name="idx" as="map(*)" tunnel="yes"/>
    <xsl:variable name="p" select="ancestor-or-self::tei:p[map:contains($idx?para, generate-id(.))][1]"/>
    <xsl:choose>
      <xsl:when test="$p"><xsl:attribute name="loc" select="$idx?para(generate-id($p))"/></xsl:when>
      <xsl:otherwise><xsl:attribute name="place" select="te:text-part(.)"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The part of the text an element outside the numbered paragraphs is in, named as an editor would name it. -->
  <xsl:function name="te:text-part" as="xs:string">
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

  <!-- Common attributes: language and the known @rend values (as class names). -->
  <xsl:template name="te:attrs">
    <xsl:for-each select="@rend">
      <xsl:variable name="rend" select="te:rend-classes(.)"/>
      <xsl:if test="exists($rend)"><xsl:attribute name="rend" select="$rend"/></xsl:if>
    </xsl:for-each>
    <xsl:for-each select="@xml:lang">
      <xsl:variable name="lang" select="te:lang(.)"/>
      <xsl:if test="exists($lang)"><xsl:attribute name="lang" select="$lang"/></xsl:if>
    </xsl:for-each>
    <xsl:call-template name="te:facs-attr"/>
  </xsl:template>

  <!-- Whether a pb/lb/cb/milestone applies to the view: no @edRef/@ed = all views; otherwise the
       diplomatic view of a named witness, or the reading view when it names the authoritative witness. -->
  <xsl:function name="te:break-in-view" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:param name="w" as="xs:string?"/>
    <xsl:variable name="eds" select="te:sigla(($e/@edRef, $e/@ed)[1])"/>
    <xsl:sequence select="empty($eds)
        or (exists($w) and $eds = $w)
        or (empty($w) and $eds = te:witnesses-in-role($e, 'authoritative')/@xml:id)"/>
  </xsl:function>

  <!-- ================================================================== -->
  <!-- meta                                                               -->
  <!-- ================================================================== -->

  <xsl:template match="/" mode="m:meta">
    <xsl:param name="w" as="xs:string?" tunnel="yes"/>
    <xsl:variable name="h" select="(tei:TEI/tei:teiHeader, //tei:teiHeader)[1]"/>
    <xsl:variable name="fd" select="$h/tei:fileDesc"/>
    <xsl:variable name="cd" select="$h/tei:profileDesc/tei:correspDesc[1]"/>
    <xsl:variable name="titles" select="$fd/tei:titleStmt/tei:title"/>
    <!-- the document's date for sorting: the first ISO date of its sending, else of any correspondence action, else
         of its creation (YYYY, YYYY-MM or YYYY-MM-DD) -->
    <xsl:variable name="when" select="($cd/tei:correspAction[@type = 'sent']/tei:date, $cd/tei:correspAction/tei:date,
        $h/tei:profileDesc/tei:creation/tei:date) ! (@when, @notBefore, @from, @notAfter, @to)[matches(., '^-?\d{4}(-\d\d(-\d\d)?)?')]"/>
    <m:meta>
      <xsl:attribute name="date" select="replace($when[1], '^(-?\d{4}(-\d\d(-\d\d)?)?).*$', '$1')"/>
      <xsl:for-each select="(tei:TEI, //tei:TEI)[1]/@xml:id[normalize-space()]"><xsl:attribute name="xml-id" select="normalize-space()"/></xsl:for-each>
      <!-- the document's own title (main, else analytic), never the title of the series or journal it belongs to -->
      <m:title>{normalize-space(($titles[@type = 'main'], $titles[@level = 'a'],
          $titles[not(@level = ('s', 'j', 'm')) and not(@type = ('sub', 'iso-date'))], $titles, 'Untitled document')[1])}</m:title>
      <xsl:for-each select="$fd/tei:titleStmt/(tei:editor | tei:respStmt[tei:resp])">
        <!-- @type org: named by orgName alone (a citation names an organisation as it is, never as "Surname, Forename") -->
        <m:editor>
          <xsl:if test="(tei:persName, tei:name, tei:orgName)[1][self::tei:orgName]"><xsl:attribute name="type">org</xsl:attribute></xsl:if>
          <xsl:value-of select="normalize-space(string-join(((tei:persName, tei:name, tei:orgName)[1], .[self::tei:editor][not(tei:persName | tei:name)])/string(), ' '))"/>
        </m:editor>
      </xsl:for-each>
      <xsl:for-each select="$fd/tei:publicationStmt">
        <m:publication>
          <xsl:for-each select="(tei:publisher | tei:authority | tei:distributor)[1]"><xsl:attribute name="publisher" select="normalize-space()"/></xsl:for-each>
          <xsl:for-each select="tei:date[1]"><xsl:attribute name="date" select="normalize-space()"/></xsl:for-each>
        </m:publication>
      </xsl:for-each>
      <xsl:for-each select="$h/tei:profileDesc/tei:correspDesc[1]/tei:correspAction">
        <m:action type="{(@type, 'sent')[1]}">
          <xsl:for-each select="tei:persName | tei:orgName | tei:name | tei:roleName">
            <m:correspondent><xsl:call-template name="te:name-ref"/>{normalize-space()}</m:correspondent>
          </xsl:for-each>
          <xsl:for-each select="tei:placeName | tei:settlement">
            <m:place><xsl:call-template name="te:name-ref"/>{normalize-space()}</m:place>
          </xsl:for-each>
          <xsl:for-each select="tei:date">
            <m:date>
              <xsl:for-each select="(@when, @notBefore, @from)[1]"><xsl:attribute name="when" select="."/></xsl:for-each>
              <!-- a date known only within limits keeps them (CMIF states them so) -->
              <xsl:if test="not(@when)"><xsl:copy-of select="(@notBefore | @notAfter | @from | @to)[matches(., '^-?\d{4}(-\d\d(-\d\d)?)?$')]"/></xsl:if>
              <xsl:value-of select="normalize-space((.[normalize-space()], @when, @notBefore)[1])"/>
            </m:date>
          </xsl:for-each>
        </m:action>
      </xsl:for-each>
      <xsl:for-each select="$h/tei:profileDesc/tei:correspDesc[1]/tei:correspContext/(tei:ref | tei:ptr)">
        <xsl:variable name="dir" select="if (@type = ('prev', 'previous') or contains(@subtype, 'previous')) then 'prev'
                                         else if (@type = 'next' or contains(@subtype, 'next')) then 'next' else ()"/>
        <xsl:if test="exists($dir) and not(preceding-sibling::*[(@type, @subtype) = (current()/@type, current()/@subtype)][@target = current()/@target])">
          <xsl:element name="m:{$dir}">
            <!-- @doc: the document it names ("L00108", "L00108.xml", ".../letters/L00108.xml#x" all name "L00108"),
                 resolved against the documents of a corpus build (corpus.xsl); @href: a target that is not a bare
                 document name is also a link, through the gate. -->
            <xsl:variable name="target" select="tokenize(normalize-space(@target))[1]"/>
            <xsl:for-each select="te:document-name($target)[matches(., '^[A-Za-z0-9_][A-Za-z0-9_.-]*$')]"><xsl:attribute name="doc" select="."/></xsl:for-each>
            <xsl:if test="not(matches($target, '^[A-Za-z0-9_][A-Za-z0-9_-]*(\.xml)?$'))">
              <xsl:for-each select="te:safe-href($target)"><xsl:attribute name="href" select="."/></xsl:for-each>
            </xsl:if>
            <xsl:value-of select="normalize-space((.[normalize-space()], @target)[1])"/>
          </xsl:element>
        </xsl:if>
      </xsl:for-each>
      <xsl:sequence select="te:witness-list(., $w)"/>
      <xsl:for-each select="$h/tei:encodingDesc/tei:editorialDecl">
        <m:principles>
          <xsl:for-each select="*">
            <m:principle type="{local-name()}">
              <xsl:apply-templates select="if (tei:p) then node() else ." mode="m:text"/>
            </m:principle>
          </xsl:for-each>
        </m:principles>
      </xsl:for-each>
      <m:mentions>
        <!-- every person, place and organisation the letter names (text and correspondence description), once each -->
        <xsl:for-each-group select="(//tei:text[not(ancestor::tei:text)], $cd)//(tei:persName | tei:placeName | tei:orgName | tei:name | tei:rs)[@ref]
            ! te:mentions(.)" group-by="@type || ' ' || @key">
          <xsl:sort select="current-grouping-key()"/>
          <xsl:sequence select="."/>
        </xsl:for-each-group>
      </m:mentions>
      <xsl:for-each select="($fd/tei:publicationStmt/tei:availability)[1]">
        <m:licence>
          <xsl:for-each select="(tei:licence/@target ! te:safe-href(.))[1]"><xsl:attribute name="href" select="."/></xsl:for-each>
          <xsl:value-of select="normalize-space()"/>
        </m:licence>
      </xsl:for-each>
      <!-- the document's own citation scheme (refsDecl/citeStructure): its units, for the DTS API's citation trees -->
      <xsl:for-each select="($h/tei:encodingDesc/tei:refsDecl[tei:citeStructure])[1]">
        <m:cite-scheme id="{(@xml:id, @n, 'document')[1]}">
          <xsl:apply-templates select="tei:citeStructure" mode="m:cite-scheme"/>
        </m:cite-scheme>
      </xsl:for-each>
    </m:meta>
  </xsl:template>

  <xsl:mode name="m:cite-scheme" on-no-match="shallow-skip"/>
  <xsl:template match="tei:citeStructure" mode="m:cite-scheme">
    <m:cite-unit type="{(@unit, 'unit')[1]}"><xsl:apply-templates select="tei:citeStructure" mode="m:cite-scheme"/></m:cite-unit>
  </xsl:template>

  <!-- The declared witnesses as the model states them (m:witness, xslt/README.md); $w: the witness the view
       follows (empty: the reading view, which follows the authoritative one). -->
  <xsl:function name="te:witness-list" as="element(m:witness)*">
    <xsl:param name="doc" as="document-node()"/>
    <xsl:param name="w" as="xs:string?"/>
    <xsl:for-each select="te:witnesses($doc)">
      <m:witness id="{@xml:id}" siglum="{te:siglum-label(.)}">
        <xsl:variable name="roles" select="te:sigla(@ana)[. = ('copy-text', 'authoritative')]"/>
        <xsl:if test="exists($roles)"><xsl:attribute name="role" select="$roles"/></xsl:if>
        <xsl:if test="@xml:id = $w or (empty($w) and $roles = 'authoritative')"><xsl:attribute name="current">true</xsl:attribute></xsl:if>
        <!-- the encoder's comments are not the description -->
        <xsl:value-of select="normalize-space(string-join(node()[not(self::tei:note or self::tei:abbr[@type = 'siglum'] or self::comment()
            or self::processing-instruction())]/string(), ''))"/>
      </m:witness>
    </xsl:for-each>
  </xsl:function>

  <!-- "https://example.org/letters/L00002.xml#x", "L00002.xml", "L00002", "#L00002" all name the document "L00002". -->
  <xsl:function name="te:document-name" as="xs:string">
    <xsl:param name="target" as="xs:string?"/>
    <xsl:variable name="t" select="string($target)"/>
    <!-- string(): "#L00002" leaves no path segment at all -->
    <xsl:variable name="last" select="string(tokenize(replace($t, '[?#].*$', ''), '/')[last()])"/>
    <xsl:sequence select="if ($last = '' and contains($t, '#')) then substring-after($t, '#')
      else replace($last, '\.(xml|html?)$', '')"/>
  </xsl:function>

  <!-- ref / href attributes of a name: a register entry of this document, or a safe external URL. -->
  <xsl:template name="te:name-ref">
    <xsl:param name="idx" as="map(*)" tunnel="yes"/>
    <xsl:variable name="keys" select="te:sigla((@ref, @key, @corresp)[1])"/>
    <xsl:variable name="local" select="$keys[map:contains($idx?reg, .)][1]"/>
    <xsl:variable name="url" select="($keys[contains(., ':')] ! te:safe-href(.))[matches(., '^https?://')][1]"/>
    <xsl:choose>
      <xsl:when test="exists($local)">
        <xsl:attribute name="ref" select="'reg-' || $local"/>
        <xsl:attribute name="type" select="$idx?reg($local) ! (if (. = 'personGrp') then 'person' else .)"/>
      </xsl:when>
      <xsl:when test="exists($url)"><xsl:attribute name="href" select="$url"/></xsl:when>
    </xsl:choose>
  </xsl:template>

  <!-- ================================================================== -->
  <!-- registers                                                          -->
  <!-- ================================================================== -->

  <xsl:template match="*" mode="m:register">
    <xsl:variable name="name" select="(tei:persName[@type = 'pref'], tei:placeName[@type = 'pref'], tei:persName, tei:placeName,
                                       tei:orgName, tei:name, tei:settlement, tei:country)[1]"/>
    <xsl:variable name="label" select="(string-join($name//text()[normalize-space()] ! normalize-space(), ' ')[. != ''], string(@xml:id))[1]"/>
    <!-- @key: the same entity across documents; @sort: the label as an index lists it (surname first) -->
    <m:entry id="reg-{@xml:id}" key="{te:entity-key(.)}"
             sort="{if ($name/tei:surname and $name/tei:forename) then string-join(($name/tei:surname[1], $name/tei:forename[1]) ! normalize-space(), ', ') else $label}">
      <m:label>{$label}</m:label>
      <xsl:variable name="life" select="(tei:birth, tei:death) ! normalize-space((tei:date/@when, tei:date, @when, .)[1])"/>
      <xsl:if test="exists($life[. != ''])"><m:desc>{string-join($life, ' – ')}</m:desc></xsl:if>
      <!-- distinct-values keeps first occurrences in order, as grouping did, at a fraction of the cost -->
      <xsl:for-each select="distinct-values((tei:idno ! te:authority-url(.),
                                   ($name/@ref, @sameAs) ! tokenize(.)[contains(., ':')] ! te:safe-href(.)[matches(., '^https?://')]))">
        <m:link href="{.}">{te:authority-label(.)}</m:link>
      </xsl:for-each>
    </m:entry>
  </xsl:template>

  <xsl:key name="te:register-item" match="tei:person | tei:personGrp | tei:place | tei:org" use="@xml:id"/>

  <!-- The mentions of a name element, one per entity its @ref names: m:mention @type @key (te:entity-key), @ref
       (reg-id) when the entity is in this document's register; text: the words of the mention. -->
  <xsl:function name="te:mentions" as="element(m:mention)*">
    <xsl:param name="name" as="element()"/>
    <xsl:for-each select="tokenize($name/@ref)">
      <xsl:variable name="id" select="replace(., '^#', '')"/>
      <xsl:variable name="entry" select="key('te:register-item', $id, root($name))[not(ancestor::tei:body or ancestor::tei:front)][1]"/>
      <xsl:variable name="type" select="te:entity-type(($entry, $name)[1])"/>
      <xsl:if test="$type != ''">
        <m:mention type="{$type}" key="{if ($entry) then te:entity-key($entry) else te:ref-key(.)}">
          <xsl:if test="$entry"><xsl:attribute name="ref" select="'reg-' || $id"/></xsl:if>
          <xsl:value-of select="normalize-space($name)"/>
        </m:mention>
      </xsl:if>
    </xsl:for-each>
  </xsl:function>

  <!-- person | place | org, or '' for a name of another kind (a work, an event). -->
  <xsl:function name="te:entity-type" as="xs:string">
    <xsl:param name="e" as="element()"/>
    <xsl:variable name="n" select="local-name($e)"/>
    <xsl:sequence select="if ($n = ('person', 'personGrp', 'persName') or ($n = ('name', 'rs') and $e/@type = 'person')) then 'person'
      else if ($n = ('place', 'placeName') or ($n = ('name', 'rs') and $e/@type = 'place')) then 'place'
      else if ($n = ('org', 'orgName') or ($n = ('name', 'rs') and $e/@type = ('org', 'organisation', 'organization'))) then 'org'
      else ''"/>
  </xsl:function>

  <!-- The key of a register entry across documents: an authority identifier, else "id:" and its xml:id. -->
  <xsl:function name="te:entity-key" as="xs:string">
    <xsl:param name="e" as="element()"/>
    <xsl:variable name="keys" select="$e/tei:idno ! te:authority-key(normalize-space(.), string(@type), string(@subtype))"/>
    <xsl:sequence select="(for $a in ('wikidata', 'gnd', 'viaf', 'geonames') return $keys[starts-with(., $a || ':')],
      'id:' || $e/@xml:id)[1]"/>
  </xsl:function>

  <!-- The key of a @ref that names no register entry of the document: "#pmb1" and a bare "pmb1" are ids, an
       authority URL is its identifier, anything else the URI itself. -->
  <xsl:function name="te:ref-key" as="xs:string">
    <xsl:param name="ref" as="xs:string"/>
    <xsl:sequence select="if (starts-with($ref, '#')) then 'id:' || substring($ref, 2)
      else (te:authority-key($ref, '', ''), if (matches($ref, '^[\i][\c]*$')) then 'id:' || $ref else $ref)[1]"/>
  </xsl:function>

  <!-- "wikidata:Q5879", "gnd:118540238", "viaf:…", "geonames:…" from an authority URL or a typed bare identifier. -->
  <xsl:function name="te:authority-key" as="xs:string?">
    <xsl:param name="v" as="xs:string"/>
    <xsl:param name="type" as="xs:string"/>
    <xsl:param name="subtype" as="xs:string"/>
    <xsl:variable name="kind" select="lower-case(string-join(($type, $subtype), ' '))"/>
    <xsl:sequence select="
      if (matches($v, 'wikidata\.org/(wiki|entity)/(Q\d+)')) then 'wikidata:' || replace($v, '^.*/(Q\d+).*$', '$1')
      else if (contains($kind, 'wikidata') and matches($v, '^Q\d+$')) then 'wikidata:' || $v
      else if (matches($v, 'd-nb\.info/gnd/')) then 'gnd:' || replace($v, '^.*/gnd/([^/?#]+).*$', '$1')
      else if (contains($kind, 'gnd') and matches($v, '^[0-9X-]+$')) then 'gnd:' || $v
      else if (matches($v, 'viaf\.org/viaf/\d+')) then 'viaf:' || replace($v, '^.*/viaf/(\d+).*$', '$1')
      else if (contains($kind, 'viaf') and matches($v, '^\d+$')) then 'viaf:' || $v
      else if (matches($v, 'geonames\.org/\d+')) then 'geonames:' || replace($v, '^.*geonames\.org/(\d+).*$', '$1')
      else if (contains($kind, 'geonames') and matches($v, '^\d+$')) then 'geonames:' || $v
      else ()"/>
  </xsl:function>

  <!-- ================================================================== -->
  <!-- apparatus entries                                                  -->
  <!-- ================================================================== -->

  <xsl:template match="tei:app" mode="m:entry">
    <xsl:param name="i" as="xs:integer"/>
    <xsl:variable name="readings" select="tei:lem | tei:rdg | tei:rdgGrp/(tei:lem | tei:rdg)"/>
    <xsl:variable name="lemma" select="te:reading-for(., ())"/>
    <m:entry id="a{$i}" letter="{te:letter($i)}" ref="ar{$i}" kind="{if (@type = 'accidental') then 'accidental' else 'variant'}">
      <xsl:call-template name="te:loc"/>
      <xsl:apply-templates select="$lemma" mode="m:reading"><xsl:with-param name="name" select="'m:lemma'"/></xsl:apply-templates>
      <xsl:apply-templates select="$readings except $lemma" mode="m:reading"/>
      <xsl:call-template name="te:attached-notes"/>
    </m:entry>
  </xsl:template>

  <xsl:template match="tei:choice" mode="m:entry">
    <xsl:param name="i" as="xs:integer"/>
    <m:entry id="a{$i}" letter="{te:letter($i)}" ref="ar{$i}" kind="sic">
      <xsl:call-template name="te:loc"/>
      <xsl:apply-templates select="(tei:corr)[1]" mode="m:reading"><xsl:with-param name="name" select="'m:lemma'"/></xsl:apply-templates>
      <xsl:apply-templates select="tei:sic" mode="m:reading">
        <xsl:with-param name="wit" select="if (exists(te:witness-of(tei:sic[1]))) then () else te:copy-text(.)"/>
      </xsl:apply-templates>
      <xsl:call-template name="te:attached-notes"/>
    </m:entry>
  </xsl:template>

  <xsl:template match="tei:note" mode="m:entry">
    <xsl:param name="i" as="xs:integer"/>
    <xsl:param name="w" as="xs:string?" tunnel="yes"/>
    <m:entry id="a{$i}" letter="{te:letter($i)}" ref="ar{$i}" kind="textual-note">
      <xsl:call-template name="te:loc"/>
      <m:note><xsl:apply-templates mode="m:text"/></m:note>
    </m:entry>
  </xsl:template>

  <!-- Textual notes attached to this entry (by @target or by position). -->
  <xsl:template name="te:attached-notes">
    <xsl:variable name="e" select="."/>
    <xsl:variable name="cands" select="(@xml:id ! key('te:textual-note-by-target', ., root($e)),
                                        following-sibling::*[1][self::tei:note][@type = 'textual'][empty(@target)])"/>
    <xsl:for-each select="$cands[te:note-host(.) is $e]">
      <m:note>
        <xsl:for-each select="te:sigla(@resp)"><xsl:attribute name="resp" select="."/></xsl:for-each>
        <xsl:apply-templates mode="m:text"/>
      </m:note>
    </xsl:for-each>
  </xsl:template>

  <!-- A lemma or reading: the witnesses' sigla, the text (a long lemma as "first … last"), om. when empty. -->
  <xsl:template match="*" mode="m:reading">
    <xsl:param name="name" as="xs:string" select="'m:reading'"/>
    <xsl:param name="wit" as="xs:string*" select="()"/>
    <xsl:param name="idx" as="map(*)" tunnel="yes"/>
    <xsl:variable name="labels" select="$idx?attested(string((@wit, @source)[1])), $wit ! ($idx?siglum(.), .)[1]"/>
    <xsl:variable name="content" as="node()*">
      <xsl:apply-templates mode="m:text">
        <xsl:with-param name="w" tunnel="yes"
                        select="if ($name = 'm:lemma') then () else (te:witness-of(.), $wit, $idx?copy-text)[1]"/>
      </xsl:apply-templates>
    </xsl:variable>
    <xsl:variable name="text" select="normalize-space(string-join($content ! string(), ''))"/>
    <xsl:variable name="shown" select="if ($name = 'm:lemma') then te:short-lemma($text) else $text"/>
    <xsl:element name="{$name}">
      <xsl:if test="exists($labels)"><xsl:attribute name="wit" select="$labels"/></xsl:if>
      <xsl:if test="$text = '' and empty($content//self::m:inline[@role = 'gap'])"><xsl:attribute name="om">true</xsl:attribute></xsl:if>
      <xsl:if test="$shown ne $text"><xsl:attribute name="full" select="$text"/></xsl:if>
      <xsl:value-of select="$shown"/>
    </xsl:element>
  </xsl:template>

  <!-- ================================================================== -->
  <!-- text: blocks                                                       -->
  <!-- ================================================================== -->

  <xsl:template match="tei:teiHeader | tei:standOff | tei:facsimile | tei:sourceDoc" mode="m:text"/>
  <!-- Register lists in back are rendered as registers, not as text. -->
  <xsl:template match="tei:back/(tei:listPerson | tei:listPlace | tei:listOrg | tei:listEvent | tei:listRelation)
                       | tei:back/tei:div[tei:listPerson | tei:listPlace | tei:listOrg][not(tei:p)]" mode="m:text"/>
  <xsl:template match="tei:figDesc | tei:handShift | tei:join | tei:anchor | tei:index | tei:interp | tei:interpGrp
                       | tei:link | tei:linkGrp | tei:span | tei:spanGrp | tei:fs | tei:alt | tei:altGrp" mode="m:text"/>
  <xsl:template match="comment() | processing-instruction()" mode="m:text m:meta"/>

  <xsl:template match="tei:front | tei:body | tei:back | tei:group | tei:text | tei:floatingText" mode="m:text">
    <m:block role="{local-name()}"><xsl:call-template name="te:attrs"/><xsl:apply-templates mode="m:text"/></m:block>
  </xsl:template>

  <xsl:template match="tei:div | tei:div1 | tei:div2 | tei:div3 | tei:div4 | tei:div5 | tei:div6 | tei:div7" mode="m:text">
    <m:block role="div">
      <xsl:for-each select="@type[matches(., '^[A-Za-z][A-Za-z0-9_-]*$')]"><xsl:attribute name="type" select="."/></xsl:for-each>
      <xsl:call-template name="te:attrs"/>
      <xsl:apply-templates mode="m:text"/>
    </m:block>
  </xsl:template>

  <xsl:template match="tei:p" mode="m:text">
    <xsl:param name="idx" as="map(*)" tunnel="yes"/>
    <xsl:variable name="n" select="$idx?para(generate-id(.))"/>
    <m:block role="p">
      <xsl:if test="exists($n)"><xsl:attribute name="n" select="$n"/><xsl:attribute name="id" select="'p' || $n"/></xsl:if>
      <xsl:call-template name="te:attrs"/>
      <xsl:apply-templates mode="m:text"/>
    </m:block>
  </xsl:template>

  <xsl:template match="tei:head | tei:opener | tei:closer | tei:salute | tei:dateline | tei:signed | tei:postscript
                       | tei:ab | tei:lg | tei:l | tei:table | tei:row | tei:cell | tei:figure | tei:byline | tei:trailer
                       | tei:argument | tei:epigraph | tei:sp | tei:speaker | tei:address | tei:addrLine | tei:docTitle
                       | tei:titlePage | tei:titlePart | tei:docAuthor | tei:docImprint | tei:castList | tei:listBibl
                       | tei:listApp | tei:listWit | tei:stage[not(ancestor::tei:p)] | tei:fw
                       | tei:quote[tei:p | tei:lg | tei:l | tei:ab] | tei:cit[tei:quote/(tei:p | tei:lg | tei:l)]
                       | tei:q[tei:p | tei:lg] | tei:bibl[parent::tei:listBibl]" mode="m:text">
    <m:block role="{if (self::tei:cit or self::tei:q) then 'quote' else if (self::tei:listBibl or self::tei:listApp or self::tei:listWit) then 'list'
                    else if (self::tei:bibl) then 'item' else local-name()}">
      <xsl:for-each select="@n[self::attribute()][parent::tei:l | parent::tei:lg]"><xsl:attribute name="n" select="."/></xsl:for-each>
      <xsl:call-template name="te:attrs"/>
      <xsl:apply-templates mode="m:text"/>
    </m:block>
  </xsl:template>

  <!-- Forme work (running heads, catchwords) belongs to the document, not the text. -->
  <xsl:template match="tei:fw" mode="m:text" priority="2">
    <xsl:param name="w" as="xs:string?" tunnel="yes"/>
    <xsl:if test="exists($w)"><m:block role="fw"><xsl:apply-templates mode="m:text"/></m:block></xsl:if>
  </xsl:template>

  <!-- A list; labels are paired with the item they precede. -->
  <xsl:template match="tei:list" mode="m:text">
    <m:block role="list">
      <xsl:if test="tei:label"><xsl:attribute name="labelled">true</xsl:attribute></xsl:if>
      <xsl:if test="@type = ('ordered', 'numbered') or @rend = 'numbered'"><xsl:attribute name="ordered">true</xsl:attribute></xsl:if>
      <xsl:call-template name="te:attrs"/>
      <xsl:apply-templates mode="m:text"/>
    </m:block>
  </xsl:template>
  <xsl:template match="tei:list/tei:label[following-sibling::*[1][self::tei:item]]" mode="m:text"/>
  <xsl:template match="tei:item" mode="m:text">
    <m:block role="item">
      <xsl:call-template name="te:attrs"/>
      <xsl:for-each select="preceding-sibling::*[1][self::tei:label]">
        <m:inline role="label"><xsl:apply-templates mode="m:text"/></m:inline>
        <xsl:text> </xsl:text>
      </xsl:for-each>
      <xsl:apply-templates mode="m:text"/>
    </m:block>
  </xsl:template>
  <xsl:template match="tei:label" mode="m:text">
    <m:inline role="label"><xsl:apply-templates mode="m:text"/></m:inline>
  </xsl:template>

  <!-- An app without readings (EpiDoc listApp): its note is its content, shown as a list item. -->
  <xsl:template match="tei:app[empty(tei:lem | tei:rdg | tei:rdgGrp)]" mode="m:text">
    <m:block role="item">
      <xsl:for-each select="@loc"><m:inline role="label">{.}</m:inline><xsl:text> </xsl:text></xsl:for-each>
      <xsl:apply-templates mode="m:text"/>
    </m:block>
  </xsl:template>
  <xsl:template match="tei:app[empty(tei:lem | tei:rdg | tei:rdgGrp)]/tei:note" mode="m:text">
    <xsl:apply-templates mode="m:text"/>
  </xsl:template>

  <!-- ================================================================== -->
  <!-- text: the readings of the view                                     -->
  <!-- ================================================================== -->

  <!-- An entry's reading lies between m:entry-start and m:entry-end (empty, ignored by the renderers): where the
       witnesses' texts can be cut at the same places (html/parallel.xsl). -->
  <xsl:template match="tei:app" mode="m:text">
    <xsl:param name="w" as="xs:string?" tunnel="yes"/>
    <xsl:param name="idx" as="map(*)" tunnel="yes"/>
    <xsl:variable name="i" select="$idx?entry(generate-id(.))"/>
    <xsl:call-template name="te:entry-start"><xsl:with-param name="i" select="$i"/></xsl:call-template>
    <xsl:apply-templates select="te:reading-for(., $w)/node()" mode="m:text"/>
    <xsl:call-template name="te:app-ref"><xsl:with-param name="i" select="$i"/></xsl:call-template>
    <xsl:call-template name="te:entry-end"><xsl:with-param name="i" select="$i"/></xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:choice" mode="m:text">
    <xsl:param name="w" as="xs:string?" tunnel="yes"/>
    <xsl:param name="idx" as="map(*)" tunnel="yes"/>
    <xsl:variable name="i" select="$idx?entry(generate-id(.))"/>
    <xsl:variable name="shown" select="te:choice-for(., $w)"/>
    <xsl:call-template name="te:entry-start"><xsl:with-param name="i" select="$i"/></xsl:call-template>
    <xsl:choose>
      <!-- a correction is marked where it is made: in the reading view the corrected words (restored when the
           witness has none), in a diplomatic view the witness's words the edition corrects, pointing to them -->
      <xsl:when test="exists($i) and tei:corr and empty($w)">
        <m:inline role="corrected" id="c{$i}" entry="a{$i}">
          <xsl:if test="tei:sic and not(normalize-space(string-join(tei:sic//text(), '')))"><xsl:attribute name="restored">true</xsl:attribute></xsl:if>
          <xsl:apply-templates select="$shown" mode="m:text"/>
        </m:inline>
      </xsl:when>
      <xsl:when test="exists($i) and tei:corr and $shown/self::tei:sic">
        <m:inline role="corrected-here" target="c{$i}" entry="a{$i}">
          <xsl:if test="not(normalize-space(string-join($shown//text(), '')))"><xsl:attribute name="om">true</xsl:attribute></xsl:if>
          <xsl:apply-templates select="$shown" mode="m:text"/>
        </m:inline>
      </xsl:when>
      <xsl:otherwise><xsl:apply-templates select="$shown" mode="m:text"/></xsl:otherwise>
    </xsl:choose>
    <xsl:if test="tei:sic or tei:corr"><xsl:call-template name="te:app-ref"><xsl:with-param name="i" select="$i"/></xsl:call-template></xsl:if>
    <xsl:call-template name="te:entry-end"><xsl:with-param name="i" select="$i"/></xsl:call-template>
  </xsl:template>

  <!-- $i: the entry's number, if the context is an entry (looked up once by the caller). -->
  <xsl:template name="te:entry-start">
    <xsl:param name="idx" as="map(*)" tunnel="yes"/>
    <xsl:param name="i" as="xs:integer?" select="$idx?entry(generate-id(.))"/>
    <xsl:if test="exists($i)"><m:entry-start entry="a{$i}"/></xsl:if>
  </xsl:template>
  <xsl:template name="te:entry-end">
    <xsl:param name="idx" as="map(*)" tunnel="yes"/>
    <xsl:param name="i" as="xs:integer?" select="$idx?entry(generate-id(.))"/>
    <xsl:if test="exists($i)"><m:entry-end/></xsl:if>
  </xsl:template>
  <!-- The chosen child of a choice shows its content plainly (the choice already decided). -->
  <xsl:template match="tei:choice/*" mode="m:text">
    <xsl:apply-templates mode="m:text"/>
  </xsl:template>
  <!-- An abbreviation inside choice: as written in a diplomatic view. -->
  <xsl:template match="tei:choice/tei:abbr" mode="m:text" priority="1">
    <m:inline role="abbr"><xsl:apply-templates mode="m:text"/></m:inline>
  </xsl:template>

  <xsl:template name="te:app-ref">
    <xsl:param name="idx" as="map(*)" tunnel="yes"/>
    <xsl:param name="i" as="xs:integer?" select="$idx?entry(generate-id(.))"/>
    <xsl:if test="exists($i)"><m:app-ref id="ar{$i}" target="a{$i}" letter="{te:letter($i)}"/></xsl:if>
  </xsl:template>

  <xsl:template match="tei:note" mode="m:text">
    <xsl:param name="idx" as="map(*)" tunnel="yes"/>
    <xsl:variable name="n" select="$idx?note(generate-id(.))"/>
    <xsl:choose>
      <xsl:when test="exists($n)"><m:note-ref id="nr{$n}" target="n{$n}" n="{$n}"/></xsl:when>
      <xsl:otherwise><xsl:call-template name="te:app-ref"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- add/del: the reading view shows the addition and hides the deletion; diplomatic shows both. -->
  <xsl:template match="tei:del" mode="m:text">
    <xsl:param name="w" as="xs:string?" tunnel="yes"/>
    <xsl:if test="exists($w)"><m:inline role="deleted"><xsl:apply-templates mode="m:text"/></m:inline></xsl:if>
  </xsl:template>
  <xsl:template match="tei:add" mode="m:text">
    <xsl:param name="w" as="xs:string?" tunnel="yes"/>
    <xsl:choose>
      <xsl:when test="exists($w)">
        <m:inline role="added"><xsl:for-each select="@place"><xsl:attribute name="place" select="."/></xsl:for-each><xsl:apply-templates mode="m:text"/></m:inline>
      </xsl:when>
      <xsl:otherwise><xsl:apply-templates mode="m:text"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- supplied: [brackets] in the reading view, absent from the witness. -->
  <xsl:template match="tei:supplied" mode="m:text">
    <xsl:param name="w" as="xs:string?" tunnel="yes"/>
    <xsl:if test="empty($w)"><m:inline role="supplied"><xsl:apply-templates mode="m:text"/></m:inline></xsl:if>
  </xsl:template>

  <xsl:template match="tei:gap" mode="m:text">
    <m:inline role="gap">
      <xsl:variable name="desc" select="normalize-space(string-join((
          if (@quantity) then @quantity || ' ' || (@unit, 'characters')[1]
          else if (@extent) then string(@extent) else (),
          @reason ! ('(' || . || ')')), ' '))"/>
      <xsl:if test="$desc"><xsl:attribute name="desc" select="$desc"/></xsl:if>
    </m:inline>
  </xsl:template>

  <xsl:template match="tei:unclear" mode="m:text">
    <m:inline role="unclear"><xsl:apply-templates mode="m:text"/></m:inline>
  </xsl:template>

  <!-- EpiDoc expansions: ex is editorial (shown in parentheses in the reading view, absent diplomatically);
       am (the abbreviation mark) is the opposite. -->
  <xsl:template match="tei:ex" mode="m:text">
    <xsl:param name="w" as="xs:string?" tunnel="yes"/>
    <xsl:if test="empty($w)"><m:inline role="expanded"><xsl:apply-templates mode="m:text"/></m:inline></xsl:if>
  </xsl:template>
  <xsl:template match="tei:am" mode="m:text">
    <xsl:param name="w" as="xs:string?" tunnel="yes"/>
    <xsl:if test="exists($w)"><xsl:apply-templates mode="m:text"/></xsl:if>
  </xsl:template>
  <xsl:template match="tei:abbr" mode="m:text">
    <m:inline role="abbr"><xsl:apply-templates mode="m:text"/></m:inline>
  </xsl:template>

  <!-- Breaks. A paragraph milestone of the viewed witness starts a new paragraph (diplomatic only). -->
  <xsl:template match="tei:lb | tei:pb | tei:cb" mode="m:text">
    <xsl:param name="w" as="xs:string?" tunnel="yes"/>
    <xsl:if test="te:break-in-view(., $w)">
      <m:break type="{map{'lb': 'line', 'pb': 'page', 'cb': 'column'}(local-name())}">
        <xsl:for-each select="@n"><xsl:attribute name="n" select="normalize-space()"/></xsl:for-each>
        <xsl:if test="@break = ('no', 'false')"><xsl:attribute name="join">true</xsl:attribute></xsl:if>
        <xsl:for-each select="@facs[contains(., ':')] ! te:safe-href(.)[matches(., '^https?://')]"><xsl:attribute name="href" select="."/></xsl:for-each>
        <xsl:call-template name="te:facs-attr"/>
      </m:break>
    </xsl:if>
  </xsl:template>
  <xsl:template match="tei:milestone" mode="m:text">
    <xsl:param name="w" as="xs:string?" tunnel="yes"/>
    <xsl:if test="exists($w) and @unit = 'paragraph' and te:break-in-view(., $w)"><m:break type="paragraph"/></xsl:if>
  </xsl:template>

  <xsl:template match="tei:space" mode="m:text"><xsl:text> </xsl:text></xsl:template>

  <!-- ================================================================== -->
  <!-- text: inline behaviours                                            -->
  <!-- ================================================================== -->

  <xsl:template match="tei:persName | tei:placeName | tei:orgName | tei:rs | tei:name | tei:geogName | tei:settlement" mode="m:text">
    <m:inline role="name">
      <xsl:call-template name="te:name-ref"/>
      <xsl:call-template name="te:attrs"/>
      <xsl:apply-templates mode="m:text"/>
    </m:inline>
  </xsl:template>

  <xsl:template match="tei:hi | tei:emph | tei:foreign | tei:term | tei:title | tei:mentioned | tei:soCalled | tei:sic
                       | tei:quote | tei:q | tei:said | tei:seg[@rend] | tei:num[@rend] | tei:stage" mode="m:text">
    <m:inline role="{if (self::tei:q or self::tei:said) then 'quote' else if (self::tei:seg or self::tei:num) then 'hi' else local-name()}">
      <xsl:call-template name="te:attrs"/>
      <xsl:apply-templates mode="m:text"/>
    </m:inline>
  </xsl:template>

  <!-- Any other element with a known @rend or a language keeps them. -->
  <xsl:template match="*[@rend or @xml:lang][exists(te:rend-classes(@rend)) or exists(te:lang(@xml:lang))]" mode="m:text" priority="-0.5">
    <m:inline role="hi">
      <xsl:call-template name="te:attrs"/>
      <xsl:apply-templates mode="m:text"/>
    </m:inline>
  </xsl:template>

  <!-- A pointer without words (ptr, an empty ref) shows its target: as a link when it is a web address, else as text
       (a date, another letter's name: a relative link would lead nowhere), never as an empty link. -->
  <xsl:template match="tei:ref | tei:ptr" mode="m:text">
    <xsl:variable name="target" select="(@target, @url)[1] ! tokenize(normalize-space(.), ' ')[1]"/>
    <xsl:variable name="href" select="te:safe-href($target)"/>
    <xsl:variable name="empty" select="not(normalize-space()) and empty(*)"/>
    <xsl:choose>
      <xsl:when test="$empty and not(matches($href, '^https?://'))">
        <!-- a target the gate refuses (javascript:, data:...) is not shown at all -->
        <xsl:if test="exists($href)"><m:inline role="hi">{$target}</m:inline></xsl:if>
      </xsl:when>
      <xsl:otherwise>
        <m:link>
          <xsl:if test="exists($href)"><xsl:attribute name="href" select="$href"/></xsl:if>
          <xsl:apply-templates mode="m:text"/>
          <xsl:if test="$empty">{$href}</xsl:if>
        </m:link>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Segments set side by side without a space between them (letterhead lines, columns) are separate words. -->
  <xsl:template match="tei:seg[preceding-sibling::node()[1][self::tei:seg]]" mode="m:text" priority="5">
    <xsl:text> </xsl:text>
    <xsl:next-match/>
  </xsl:template>

  <!-- Names of the encoding (in an editorial declaration) read as what they are: <element>, @attribute, "value". -->
  <xsl:template match="tei:gi | tei:att | tei:val | tei:tag" mode="m:text">
    <m:inline role="code">{if (self::tei:gi or self::tei:tag) then '&lt;' || . || '&gt;'
        else if (self::tei:att) then '@' || . else '“' || . || '”'}</m:inline>
  </xsl:template>

  <!-- Images are links (a page must not load anything from another host). -->
  <xsl:template match="tei:graphic | tei:media" mode="m:text">
    <xsl:variable name="href" select="te:safe-href(@url)"/>
    <m:image>
      <xsl:if test="exists($href)"><xsl:attribute name="href" select="$href"/></xsl:if>
      <xsl:value-of select="normalize-space((../tei:figDesc, tei:desc, 'image')[1])"/>
    </m:image>
  </xsl:template>

  <!-- ================================================================== -->
  <!-- the apparatus proofreading table (tei-edition apparatus)           -->
  <!-- ================================================================== -->

  <!-- Every apparatus entry of the document in document order, as m:entry (the same entries, ids and
       letters as m:apparatus), plus the entries that are silent in the editions: orig/reg choices
       (kind="regularisation") and abbr/expan choices (kind="abbreviation"), id "s1", "s2"... without
       a letter. The lemma of a silent entry is the edited form (reg, expan); its reading the transmitted one. -->
  <xsl:function name="te:apparatus-table" as="element(m:entry)*">
    <xsl:param name="doc" as="document-node()"/>
    <xsl:variable name="scope" select="$doc//tei:text[not(ancestor::tei:text)]"/>
    <xsl:variable name="entries" select="$scope//(tei:app | tei:choice | tei:note)[te:is-entry(.)]"/>
    <xsl:variable name="silent" select="$scope//tei:choice[not(te:is-entry(.))][tei:reg | tei:orig | tei:expan | tei:abbr]"/>
    <xsl:variable name="silent-n" as="map(*)" select="map:merge(for $i in 1 to count($silent) return map:entry(generate-id($silent[$i]), $i))"/>
    <xsl:variable name="paras" select="te:citable-paragraphs($doc)"/>
    <xsl:variable name="labels" select="te:siglum-labels($doc)"/>
    <xsl:variable name="idx" as="map(*)" select="map{
        'entry': map:merge(for $i in 1 to count($entries) return map:entry(generate-id($entries[$i]), $i)),
        'note': map{},
        'para': map:merge(for $i in 1 to count($paras) return map:entry(generate-id($paras[$i]), $i)),
        'reg': map{}, 'siglum': $labels, 'attested': te:attestations($doc, $labels),
        'copy-text': te:copy-text($doc)}"/>
    <xsl:for-each select="$entries | $silent">
      <xsl:choose>
        <xsl:when test="exists($idx?entry(generate-id(.)))">
          <xsl:apply-templates select="." mode="m:entry">
            <xsl:with-param name="i" select="$idx?entry(generate-id(.))"/>
            <xsl:with-param name="w" select="()" tunnel="yes"/>
            <xsl:with-param name="idx" select="$idx" tunnel="yes"/>
          </xsl:apply-templates>
        </xsl:when>
        <xsl:otherwise>
          <xsl:variable name="transmitted" select="(tei:orig, tei:abbr)[1]"/>
          <m:entry id="s{$silent-n(generate-id(.))}" kind="{if (tei:expan or tei:abbr) then 'abbreviation' else 'regularisation'}">
            <xsl:call-template name="te:loc"><xsl:with-param name="idx" select="$idx" tunnel="yes"/></xsl:call-template>
            <xsl:apply-templates select="(tei:reg, tei:expan)[1]" mode="m:reading">
              <xsl:with-param name="name" select="'m:lemma'"/>
              <xsl:with-param name="w" select="()" tunnel="yes"/>
              <xsl:with-param name="idx" select="$idx" tunnel="yes"/>
            </xsl:apply-templates>
            <xsl:apply-templates select="$transmitted" mode="m:reading">
              <xsl:with-param name="wit" select="if (exists(te:witness-of($transmitted))) then () else te:copy-text(.)"/>
              <xsl:with-param name="w" select="()" tunnel="yes"/>
              <xsl:with-param name="idx" select="$idx" tunnel="yes"/>
            </xsl:apply-templates>
          </m:entry>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:for-each>
  </xsl:function>
</xsl:stylesheet>
