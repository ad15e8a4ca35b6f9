<?xml version="1.0" encoding="UTF-8"?>
<!--
  The print edition: the shared model's reading view as XSL-FO for Apache FOP (the driver applies this
  stylesheet to the view, made once per document by model.xsl).
  This stylesheet only decides how things look: which reading a choice or an app shows, the
  numbering of paragraphs, apparatus letters and notes all come from the model.

  Page: A4, DejaVu Serif 10.5pt justified and hyphenated in each language FOP has patterns for,
  §-numbers in the left margin, two footnote series at the foot of the page, each a real fo:footnote
  so an entry is always on its marker's page: the apparatus (letters, 8pt, sigla in italics) and the
  commentary (numbers, 8.5pt). Back matter: witnesses, editorial principles, registers.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:fo="http://www.w3.org/1999/XSL/Format"
    xmlns:m="https://teiedition.org/ns/model"
    xmlns:p="https://teiedition.org/ns/print"
    xmlns:te="https://teiedition.org/ns/functions"
    exclude-result-prefixes="#all"
    expand-text="yes">

  <xsl:import href="../common/functions.xsl"/>
  <xsl:import href="fo-common.xsl"/>
  <xsl:include href="facsimile.xsl"/>

  <xsl:output method="xml" indent="no" encoding="UTF-8"/>

  <!-- The layout protocol with the driver (editions/PrintLayout). The stylesheet declares, in attributes of
       this namespace that the driver reads and strips before FOP sees them, what a layout must report:
       p:unit="N" p:of="COUNT" on the first block of each page-sequence (with an FO id: where the unit starts;
       COUNT: how many units, for progress reports) and
       p:footnote="ID" on a footnote marker (with its own FO id) whose footnote text has the FO id ID.
       After a layout, the driver gives back where each marker landed as "unit/page within the unit".
       Empty (and for a unit left out): every marker carries its own footnote (always on its marker's
       page, but the two series interleave). Given: the first marker of each page carries one footnote
       holding that page's apparatus entries, a rule, then its commentary notes, so the series read as two
       blocks. Units are page-sequences, each starting on a new page, so a unit's layout depends on its own
       content only and the driver settles the grouping unit by unit. -->
  <xsl:param name="p:marker-pages" as="map(xs:string, xs:string)" select="map{}"/>
  <!-- The languages the driver found hyphenation patterns for (FOP's, from net.sf.offo:fop-hyph): the text is
       hyphenated in these only; a language without patterns is set unhyphenated. -->
  <xsl:param name="p:hyphenation-languages" as="xs:string*" select="()"/>
  <!-- Set by the driver (EditionRenderer), as for the HTML editions: the document's folder in OUT, this edition's
       file there, and the absolute URL OUT is published at (absent: no base URL, and the citation names no address). -->
  <xsl:param name="document" as="xs:string?" select="()"/>
  <xsl:param name="file" as="xs:string" select="'print.pdf'"/>
  <xsl:param name="base-url" as="xs:string?" select="()"/>
  <!-- Characters of text, apparatus and notes (some 10-15 pages) below which a text is one page-sequence. -->
  <xsl:variable name="p:one-sequence" as="xs:integer" select="40000"/>
  <!-- Characters of text (some 50 pages of prose) above which a unit is split into several page-sequences, so that
       FOP never holds more than this many pages at once, however large a division (or a text without any). -->
  <xsl:variable name="p:split-size" as="xs:integer" select="150000"/>

  <xsl:mode on-no-match="shallow-skip"/>
  <!-- model -> FO; model elements without a rule fall back to their content -->
  <xsl:mode name="p:fo" on-no-match="text-only-copy"/>
  <xsl:mode name="p:entry" on-no-match="shallow-skip"/>
  <xsl:mode name="p:footnote" on-no-match="shallow-skip"/>
  <xsl:mode name="p:run-in" on-no-match="shallow-skip"/>
  <xsl:mode name="p:entry-text" on-no-match="shallow-skip"/>

  <xsl:key name="p:entry" match="m:apparatus/m:entry" use="@id"/>
  <xsl:key name="p:note" match="m:notes/m:note" use="@id"/>
  <!-- FO ids must be unique: an id goes on the first element that claims it only -->
  <xsl:key name="p:id" match="m:app-ref | m:note-ref | m:block[@role = 'p']" use="@id"/>
  <xsl:key name="p:target" match="m:text//(m:app-ref | m:note-ref)" use="@target"/>
  <!-- The blocks with right-to-left text (see p:bidi-anchor), each block's text read once, not once per marker. -->
  <xsl:key name="p:right-to-left" use="generate-id()"
      match="m:block[matches(string(.), '[&#x0590;-&#x08FF;&#xFB1D;-&#xFDFF;&#xFE70;-&#xFEFF;&#x10800;-&#x10FFF;&#x1E800;-&#x1EFFF;]')]"/>
  <!-- The texts holding an address, by the block they belong to (a note's when outside any block), each text read
       once, not once per enclosing block (see p:no-hyphens-for-urls). -->
  <xsl:key name="p:url-text" match="text()[matches(., 'https?://')]"
      use="if (ancestor::m:block) then generate-id(ancestor::m:block[1]) else ancestor::m:note ! generate-id(.)"/>
  <!-- the markers of the text by the page they landed on -->
  <xsl:key name="p:on-page" match="m:text//(m:app-ref | m:note-ref)" use="@id ! $p:marker-pages(.)"/>

  <xsl:template match="/">
    <xsl:apply-templates select="m:edition" mode="p:root">
      <xsl:with-param name="published" select="string(m:edition/@published)"/>
    </xsl:apply-templates>
  </xsl:template>

  <!-- ================================================================== -->
  <!-- the document                                                       -->
  <!-- ================================================================== -->

  <xsl:template match="m:edition" mode="p:root">
    <xsl:param name="published" as="xs:string"/>
    <xsl:variable name="meta" select="m:meta"/>
    <xsl:variable name="title" select="string($meta/m:title)"/>
    <xsl:variable name="senders" select="$meta/m:action[@type = 'sent']/m:correspondent/normalize-space()"/>
    <xsl:variable name="addressees" select="$meta/m:action[@type = 'received']/m:correspondent/normalize-space()"/>
    <xsl:variable name="date" select="($meta/m:action[@type = 'sent']/m:date/normalize-space())[1]"/>
    <xsl:variable name="correspondents" select="string-join((p:names($senders), p:names($addressees)[exists($senders)]), ' to ')"/>
    <xsl:variable name="authors" select="distinct-values(if (exists($senders)) then $senders else $meta/m:editor/normalize-space())"/>
    <xsl:variable name="subject" select="'Critical edition' || (if ($correspondents) then ' of the letter ' || $correspondents else ' of ' || $title)
        || ($date ! (', ' || .)) || ', with textual apparatus' || (if (m:notes/m:note) then ', commentary notes' else '')
        || (if (m:registers/m:register) then ' and registers' else '')"/>
    <xsl:variable name="running-head" select="if ($correspondents) then string-join(($correspondents, $date), ', ') else $title"/>
    <xsl:variable name="lang" select="(p:fo-lang(@lang), 'en')[1]"/>
    <xsl:variable name="kind" select="if ($meta/m:action) then 'Letter' else 'Text'"/>

    <fo:root font-family="{$p:font}" font-size="{$p:size}" line-height="{$p:leading}" xml:lang="{$lang}"
        hyphenate="{$lang = $p:hyphenation-languages}" hyphenation-push-character-count="2" hyphenation-remain-character-count="3"
        font-selection-strategy="character-by-character" line-height-shift-adjustment="disregard-shifts">
      <xsl:call-template name="p:layout"/>
      <!-- Our own XMP: FOP takes title, author, subject and language from it; without it FOP stamps the
           current time and no two PDFs are the same (PdfDeterminism fixes the dates FOP still adds). -->
      <fo:declarations>
        <x:xmpmeta xmlns:x="adobe:ns:meta/">
          <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
            <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
              <dc:title><rdf:Alt><rdf:li xml:lang="x-default">{$title}</rdf:li></rdf:Alt></dc:title>
              <xsl:if test="exists($authors)">
                <dc:creator><rdf:Seq><xsl:for-each select="$authors"><rdf:li>{.}</rdf:li></xsl:for-each></rdf:Seq></dc:creator>
              </xsl:if>
              <dc:description><rdf:Alt><rdf:li xml:lang="x-default">{$subject}</rdf:li></rdf:Alt></dc:description>
              <xsl:if test="$meta/m:editor">
                <dc:contributor><rdf:Bag><xsl:for-each select="distinct-values($meta/m:editor/normalize-space())"><rdf:li>{.}</rdf:li></xsl:for-each></rdf:Bag></dc:contributor>
              </xsl:if>
              <xsl:for-each select="$meta/m:publication/@publisher">
                <dc:publisher><rdf:Bag><rdf:li>{.}</rdf:li></rdf:Bag></dc:publisher>
              </xsl:for-each>
              <dc:language><rdf:Bag><rdf:li>{$lang}</rdf:li></rdf:Bag></dc:language>
            </rdf:Description>
            <rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
              <xmp:CreatorTool>tei-edition</xmp:CreatorTool>
              <xsl:if test="$published">
                <xmp:CreateDate>{$published}T00:00:00Z</xmp:CreateDate>
                <xmp:MetadataDate>{$published}T00:00:00Z</xmp:MetadataDate>
              </xsl:if>
            </rdf:Description>
          </rdf:RDF>
        </x:xmpmeta>
      </fo:declarations>

      <fo:bookmark-tree>
        <fo:bookmark internal-destination="letter"><fo:bookmark-title>{$kind}</fo:bookmark-title></fo:bookmark>
        <xsl:if test="$meta/m:witness">
          <fo:bookmark internal-destination="witnesses"><fo:bookmark-title>Witnesses</fo:bookmark-title></fo:bookmark>
        </xsl:if>
        <xsl:if test="$meta/m:principles">
          <fo:bookmark internal-destination="principles"><fo:bookmark-title>Editorial principles</fo:bookmark-title></fo:bookmark>
        </xsl:if>
        <xsl:if test="m:registers/m:register">
          <fo:bookmark internal-destination="registers">
            <fo:bookmark-title>Registers</fo:bookmark-title>
            <xsl:for-each select="m:registers/m:register">
              <fo:bookmark internal-destination="register-{position()}"><fo:bookmark-title>{te:register-heading(@type)}</fo:bookmark-title></fo:bookmark>
            </xsl:for-each>
          </fo:bookmark>
        </xsl:if>
      </fo:bookmark-tree>

      <!-- the plates (build with the option facsimile) come first, as a frontispiece, numbered i, ii ... -->
      <xsl:call-template name="p:facsimile-plates"><xsl:with-param name="running-head" select="p:shorten($running-head, 72)"/></xsl:call-template>

      <!-- A short text stays one page-sequence, whatever its divisions (an inscription's edition, translation and
           commentary, a letter in sections): FOP holds it whole at little cost, and no division starts a page. -->
      <xsl:variable name="units" select="if (sum((m:text, m:apparatus, m:notes) ! string-length(.)) lt $p:one-sequence) then () else p:units(m:text) ! p:split(.)" as="array(node()*)*"/>
      <xsl:choose>
        <xsl:when test="count($units) le 1">
          <fo:page-sequence master-reference="edition" initial-page-number="1">
            <xsl:call-template name="p:static"><xsl:with-param name="running-head" select="$running-head"/></xsl:call-template>
            <fo:flow flow-name="xsl-region-body">
              <fo:block id="letter" role="Sect" p:unit="1" p:of="1">
                <xsl:call-template name="p:head">
                  <xsl:with-param name="correspondents" select="$correspondents"/>
                  <xsl:with-param name="cite-witnesses" select="true()"/>
                </xsl:call-template>
                <fo:block role="Div" text-align="justify">
                  <xsl:apply-templates select="m:text/node()" mode="p:fo"/>
                </fo:block>
              </fo:block>
              <xsl:call-template name="p:back"/>
            </fo:flow>
          </fo:page-sequence>
        </xsl:when>
        <xsl:otherwise>
          <!-- A page-sequence per unit (FOP keeps a page-sequence's pages until it ends): pages are numbered on,
               and the head cites no page ahead (a forward reference holds every page until it is resolved). -->
          <xsl:variable name="edition" select="."/>
          <xsl:for-each select="$units">
            <xsl:variable name="n" select="position()"/>
            <xsl:variable name="nodes" select="?*"/>
            <xsl:variable name="head" select="($nodes/descendant-or-self::m:block[@role = 'head'])[1]/normalize-space()"/>
            <fo:page-sequence master-reference="{if ($n eq 1) then 'edition' else 'continued'}"
                initial-page-number="{if ($n eq 1) then '1' else 'auto'}">
              <xsl:call-template name="p:static">
                <xsl:with-param name="running-head" select="p:shorten(if ($n gt 1 and $head) then $head else $running-head, 72)"/>
              </xsl:call-template>
              <fo:flow flow-name="xsl-region-body">
                <fo:block id="{if ($n eq 1) then 'letter' else 'unit-' || $n}" role="Sect" p:unit="{$n}" p:of="{count($units)}">
                  <xsl:for-each select="($nodes/ancestor-or-self::m:block[@lang])[last()]/p:fo-lang(@lang)">
                    <xsl:attribute name="xml:lang" select="."/>
                    <xsl:attribute name="hyphenate" select=". = $p:hyphenation-languages"/>
                  </xsl:for-each>
                  <xsl:if test="$n eq 1">
                    <xsl:for-each select="$edition">
                      <xsl:call-template name="p:head">
                        <xsl:with-param name="correspondents" select="$correspondents"/>
                        <xsl:with-param name="cite-witnesses" select="false()"/>
                      </xsl:call-template>
                    </xsl:for-each>
                  </xsl:if>
                  <fo:block role="Div" text-align="justify">
                    <xsl:apply-templates select="$nodes" mode="p:fo"/>
                  </fo:block>
                </fo:block>
              </fo:flow>
            </fo:page-sequence>
          </xsl:for-each>
          <xsl:if test="($meta/m:witness, $meta/m:principles, $meta/m:licence, m:registers/m:register)">
            <fo:page-sequence master-reference="continued" initial-page-number="auto">
              <xsl:call-template name="p:static"><xsl:with-param name="running-head" select="p:shorten($running-head, 72)"/></xsl:call-template>
              <fo:flow flow-name="xsl-region-body">
                <xsl:call-template name="p:back"><xsl:with-param name="new-page" select="false()"/></xsl:call-template>
              </fo:flow>
            </fo:page-sequence>
          </xsl:if>
        </xsl:otherwise>
      </xsl:choose>
    </fo:root>
  </xsl:template>

  <!-- "A", "A and B", "A, B and C" -->
  <xsl:function name="p:names" as="xs:string?">
    <xsl:param name="names" as="xs:string*"/>
    <xsl:sequence select="if (count($names) le 1) then $names
        else string-join($names[position() lt last()], ', ') || ' and ' || $names[last()]"/>
  </xsl:function>

  <!-- Asked by the driver before it lays a view out: whether its footnotes are grouped by page (the apparatus
       run in, then the commentary), which needs a first layout to learn the markers' pages. A view with
       commentary notes only is set as one footnote per marker in a single layout. -->
  <xsl:function name="p:groups-footnotes" as="xs:boolean" visibility="public">
    <xsl:param name="view" as="document-node()"/>
    <xsl:sequence select="exists($view/m:edition/m:text/descendant::m:app-ref[1])"/>
  </xsl:function>

  <!-- The units of layout, each a page-sequence: the divisions (front, body, back, div, group, text) at the
       deepest level where a container holds divisions, with the content between them (a heading, a
       paragraph before the first division) joined to the division that follows it, or to the last one.
       A text without divisions, or with one, is one unit. Each unit is an array of the nodes it renders. -->
  <xsl:function name="p:units" as="array(node()*)*">
    <xsl:param name="container" as="element()"/>
    <xsl:variable name="kids" select="$container/node()"/>
    <xsl:variable name="divisions" select="$kids[p:is-division(.)]"/>
    <xsl:choose>
      <xsl:when test="empty($divisions)"><xsl:sequence select="[$kids]"/></xsl:when>
      <xsl:otherwise>
        <xsl:variable name="last" select="$divisions[last()]"/>
        <xsl:for-each-group select="$kids" group-ending-with="*[p:is-division(.)]">
          <xsl:variable name="division" select="current-group()[last()][p:is-division(.)]"/>
          <xsl:choose>
            <!-- content after the last division: joined to the last unit (see below) -->
            <xsl:when test="empty($division)"/>
            <xsl:otherwise>
              <xsl:variable name="before" select="current-group()[position() lt last()]"/>
              <xsl:variable name="after" select="if ($division is $last) then $last/following-sibling::node() else ()"/>
              <xsl:variable name="inner" select="if ($division/*[p:is-division(.)]) then p:units($division) else [$division]"/>
              <xsl:for-each select="$inner">
                <xsl:sequence select="array{(if (position() eq 1) then $before else ()), ?*,
                    (if (position() eq last()) then $after else ())}"/>
              </xsl:for-each>
            </xsl:otherwise>
          </xsl:choose>
        </xsl:for-each-group>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:function>

  <!-- A unit of more than $p:split-size characters, split between its blocks (a unit that is one division: between
       the division's blocks) into parts of at most that size, each a page-sequence of its own: it starts a page, and
       the pages are numbered on. A single block larger than that stays whole. -->
  <xsl:function name="p:split" as="array(node()*)+">
    <xsl:param name="unit" as="array(node()*)"/>
    <xsl:variable name="nodes" select="$unit?*"/>
    <xsl:choose>
      <xsl:when test="sum($nodes ! string-length(.)) le $p:split-size"><xsl:sequence select="$unit"/></xsl:when>
      <xsl:otherwise>
        <xsl:iterate select="$nodes ! (if (p:is-division(.)) then node() else .)">
          <xsl:param name="part" as="node()*" select="()"/>
          <xsl:param name="size" as="xs:integer" select="0"/>
          <xsl:on-completion><xsl:sequence select="array{$part}"/></xsl:on-completion>
          <xsl:variable name="length" select="string-length(.)"/>
          <xsl:choose>
            <xsl:when test="self::* and exists($part/self::*) and $size + $length gt $p:split-size">
              <xsl:sequence select="array{$part}"/>
              <xsl:next-iteration>
                <xsl:with-param name="part" select="."/>
                <xsl:with-param name="size" select="$length"/>
              </xsl:next-iteration>
            </xsl:when>
            <xsl:otherwise>
              <xsl:next-iteration>
                <xsl:with-param name="part" select="($part, .)"/>
                <xsl:with-param name="size" select="$size + $length"/>
              </xsl:next-iteration>
            </xsl:otherwise>
          </xsl:choose>
        </xsl:iterate>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:function>

  <xsl:function name="p:is-division" as="xs:boolean">
    <xsl:param name="node" as="node()"/>
    <xsl:sequence select="exists($node/self::m:block[@role = ('front', 'body', 'back', 'div', 'group', 'text')])"/>
  </xsl:function>

  <xsl:function name="p:shorten" as="xs:string">
    <xsl:param name="s" as="xs:string"/>
    <xsl:param name="max" as="xs:integer"/>
    <xsl:sequence select="if (string-length($s) le $max) then $s else replace(substring($s, 1, $max), '\s+\S*$', '') || ' …'"/>
  </xsl:function>


  <!-- ================================================================== -->
  <!-- heading block                                                      -->
  <!-- ================================================================== -->

  <xsl:template name="p:head">
    <xsl:param name="correspondents" as="xs:string"/>
    <xsl:param name="cite-witnesses" as="xs:boolean"/>
    <xsl:variable name="meta" select="m:meta"/>
    <fo:block text-align="center" space-after="14pt" border-after-style="solid" border-after-width="0.4pt"
        padding-after="8pt" keep-with-next.within-page="always" hyphenate="false">
      <fo:block role="H1" font-size="15pt" line-height="19pt" font-weight="bold" space-after="6pt">
        <xsl:sequence select="p:names-kept(string($meta/m:title), $meta/m:action/m:correspondent/normalize-space())"/>
      </fo:block>
      <xsl:if test="$correspondents">
        <fo:block font-style="italic" font-size="11.5pt" space-after="2pt">{$correspondents}</fo:block>
      </xsl:if>
      <xsl:for-each select="$meta/m:action[m:place | m:date]">
        <fo:block font-size="{$p:small}" line-height="11.5pt">
          <xsl:if test="@type != 'sent'">{te:action-label(@type)}: </xsl:if>
          <xsl:value-of select="string-join((m:place/normalize-space(), m:date/normalize-space()), ', ')"/>
        </fo:block>
      </xsl:for-each>
      <xsl:variable name="wits" select="$meta/m:witness"/>
      <xsl:if test="$wits">
        <fo:block font-size="{$p:small}" line-height="11.5pt" space-before="5pt">
          <xsl:text>Source: </xsl:text>
          <xsl:for-each select="($wits[@current], $wits[not(@current)])">
            <xsl:if test="position() gt 1">; </xsl:if>
            <fo:inline font-style="italic">{@siglum}</fo:inline>
            <xsl:variable name="roles" select="tokenize(@role) ! (if (. = 'copy-text') then 'copy-text' else if (. = 'authoritative') then 'authoritative text' else ())"/>
            <xsl:if test="exists($roles)"> ({string-join($roles, ', ')})</xsl:if>
          </xsl:for-each>
          <xsl:choose>
            <xsl:when test="$cite-witnesses"><xsl:text>; described on p. </xsl:text><fo:page-number-citation ref-id="witnesses"/></xsl:when>
            <xsl:otherwise><xsl:text>; described under Witnesses at the end</xsl:text></xsl:otherwise>
          </xsl:choose>
        </fo:block>
      </xsl:if>
      <fo:block font-size="{$p:small}" line-height="11.5pt" font-style="italic">{p:source-note(.)}</fo:block>
      <xsl:call-template name="p:citation"/>
    </fo:block>
  </xsl:template>

  <!-- The title with each correspondent's name unbroken: "Nikita S. Khrushchev" on one line. -->
  <xsl:function name="p:names-kept" as="node()*">
    <xsl:param name="title" as="xs:string"/>
    <xsl:param name="names" as="xs:string*"/>
    <xsl:variable name="names" select="$names[contains(., ' ')][contains($title, .)]"/>
    <xsl:choose>
      <xsl:when test="empty($names)"><xsl:value-of select="$title"/></xsl:when>
      <xsl:otherwise>
        <xsl:analyze-string select="$title" regex="{string-join(sort($names, (), function($n) { -string-length($n) })
            ! replace(., '([.\\?*+{{}}()\[\]^$|])', '\\$1'), '|')}">
          <xsl:matching-substring><fo:inline keep-together.within-line="always">{.}</fo:inline></xsl:matching-substring>
          <xsl:non-matching-substring><xsl:value-of select="."/></xsl:non-matching-substring>
        </xsl:analyze-string>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:function>

  <!-- Editors, publication and how to cite: the model's fields, cited by the rule every edition cites by. -->
  <xsl:template name="p:citation">
    <xsl:variable name="editors" select="te:editors(.)"/>
    <xsl:variable name="published" select="string-join((te:publisher(.), te:edition-date(.)), ' ')[. != '']"/>
    <xsl:if test="exists($editors)">
      <fo:block font-size="{$p:small}" line-height="11.5pt" space-before="5pt" role="P">Edited by {string-join($editors, ', ')}<xsl:for-each select="$published">; published by {.}</xsl:for-each>.</fo:block>
    </xsl:if>
    <xsl:variable name="cite" select="te:citation(., 'print edition', 'by § or page')"/>
    <!-- the edition's address by the rule of the HTML citation; it may break after a slash, never at a hyphen -->
    <xsl:variable name="url" as="text()?"><xsl:for-each select="te:published-url($base-url, $document, $file)"><xsl:value-of select="."/></xsl:for-each></xsl:variable>
    <fo:block font-size="{$p:small}" line-height="11.5pt" role="P">
      <xsl:if test="empty($editors)"><xsl:attribute name="space-before">5pt</xsl:attribute></xsl:if>
      <xsl:if test="exists($url)"><xsl:attribute name="hyphenate" select="false()"/></xsl:if>
      <xsl:text>Cite as: {$cite?before}</xsl:text>
      <fo:inline font-style="italic">{$cite?title}</fo:inline>{$cite?after}<xsl:for-each select="$url"><xsl:text> </xsl:text><xsl:apply-templates select="." mode="p:fo"/></xsl:for-each>
    </fo:block>
  </xsl:template>

  <!-- One line on how the text was established, from what the model holds. -->
  <xsl:function name="p:source-note" as="xs:string">
    <xsl:param name="e" as="element(m:edition)"/>
    <xsl:variable name="copy" select="$e/m:meta/m:witness[tokenize(@role) = 'copy-text']/@siglum"/>
    <xsl:variable name="auth" select="$e/m:meta/m:witness[tokenize(@role) = 'authoritative']/@siglum"/>
    <xsl:variable name="entries" select="$e/m:apparatus/m:entry"/>
    <xsl:variable name="notes" select="$e/m:notes/m:note"/>
    <xsl:sequence select="string-join((
        if ($copy and $auth) then 'Copy-text ' || $copy[1] || ', corrected from ' || $auth[1] else (),
        if ($entries) then 'textual apparatus ' || $entries[1]/@letter || (if (count($entries) gt 1) then '–' || $entries[last()]/@letter else '') else (),
        if ($notes) then 'commentary notes 1' || (if (count($notes) gt 1) then '–' || count($notes) else '') else ()), '; ')
        ! (if (. = '') then 'Reading text' else upper-case(substring(., 1, 1)) || substring(., 2)) || '.'"/>
  </xsl:function>

  <!-- ================================================================== -->
  <!-- the text: blocks                                                   -->
  <!-- ================================================================== -->

  <!-- language of a model element, for FOP (tagged PDF /Lang) -->
  <xsl:template name="p:lang">
    <xsl:for-each select="p:fo-lang(@lang)"><xsl:attribute name="xml:lang" select="."/></xsl:for-each>
    <xsl:if test="@lang"><xsl:attribute name="hyphenate" select="p:fo-lang(@lang) = $p:hyphenation-languages"/></xsl:if>
    <xsl:if test="self::m:block"><xsl:call-template name="p:no-hyphens-for-urls"/></xsl:if>
  </xsl:template>

  <xsl:template match="m:block" mode="p:fo">
    <fo:block role="Div"><xsl:call-template name="p:lang"/><xsl:apply-templates mode="p:fo"/></fo:block>
  </xsl:template>

  <!-- A citable paragraph: its §-number in the left margin (a list label hung outside the text block). -->
  <xsl:template match="m:block[@role = 'p'][@n]" mode="p:fo">
    <fo:list-block provisional-distance-between-starts="{$p:margin-number}" provisional-label-separation="4mm"
        start-indent="inherited-property-value(start-indent) - {$p:margin-number}" space-after="5pt">
      <fo:list-item>
        <xsl:if test="key('p:id', @id)[1] is ."><xsl:attribute name="id" select="@id"/></xsl:if>
        <fo:list-item-label end-indent="label-end()">
          <fo:block text-align="end"><fo:inline font-size="{$p:small}" color="#444444">§{@n}</fo:inline></fo:block>
        </fo:list-item-label>
        <fo:list-item-body start-indent="body-start()">
          <fo:block role="P"><xsl:call-template name="p:lang"/><xsl:apply-templates mode="p:fo"/></fo:block>
        </fo:list-item-body>
      </fo:list-item>
    </fo:list-block>
  </xsl:template>

  <xsl:template match="m:block[@role = 'p']" mode="p:fo" priority="-0.1">
    <fo:block role="P" space-after="5pt"><xsl:call-template name="p:lang"/><xsl:apply-templates mode="p:fo"/></fo:block>
  </xsl:template>

  <xsl:template match="m:block[@role = 'head']" mode="p:fo">
    <fo:block role="H2" font-weight="bold" text-align="start" space-before="8pt" space-after="5pt" keep-with-next.within-page="always">
      <xsl:call-template name="p:lang"/><xsl:apply-templates mode="p:fo"/>
    </fo:block>
  </xsl:template>

  <xsl:template match="m:block[@role = ('opener', 'closer', 'postscript')]" mode="p:fo">
    <fo:block role="Div" space-before="5pt" space-after="5pt"><xsl:call-template name="p:lang"/><xsl:apply-templates mode="p:fo"/></fo:block>
  </xsl:template>

  <xsl:template match="m:block[@role = ('salute', 'byline', 'docAuthor', 'address', 'addrLine', 'argument', 'epigraph', 'trailer')]" mode="p:fo">
    <fo:block role="P" text-align="start" space-after="3pt"><xsl:call-template name="p:lang"/><xsl:apply-templates mode="p:fo"/></fo:block>
  </xsl:template>

  <xsl:template match="m:block[@role = ('dateline', 'signed')]" mode="p:fo">
    <fo:block role="P" text-align="end" space-before="3pt" space-after="3pt"><xsl:call-template name="p:lang"/><xsl:apply-templates mode="p:fo"/></fo:block>
  </xsl:template>

  <!-- Lists: items with a hanging label ("1) ..."). -->
  <xsl:template match="m:block[@role = 'list']" mode="p:fo">
    <fo:block role="L" space-before="3pt" space-after="3pt"><xsl:call-template name="p:lang"/><xsl:apply-templates mode="p:fo"/></fo:block>
  </xsl:template>
  <xsl:template match="m:block[@role = 'item']" mode="p:fo">
    <fo:block role="LI" start-indent="inherited-property-value(start-indent) + 7mm" text-indent="-7mm" space-after="2pt">
      <xsl:call-template name="p:lang"/><fo:block role="LBody"><xsl:apply-templates mode="p:fo"/></fo:block>
    </fo:block>
  </xsl:template>

  <xsl:template match="m:block[@role = 'quote']" mode="p:fo">
    <fo:block role="BlockQuote" start-indent="inherited-property-value(start-indent) + 8mm" end-indent="8mm"
        space-before="4pt" space-after="4pt"><xsl:call-template name="p:lang"/><xsl:apply-templates mode="p:fo"/></fo:block>
  </xsl:template>

  <xsl:template match="m:block[@role = ('lg', 'sp', 'figure', 'table', 'castList', 'titlePage')]" mode="p:fo">
    <fo:block role="Div" text-align="start" space-before="4pt" space-after="4pt"><xsl:call-template name="p:lang"/><xsl:apply-templates mode="p:fo"/></fo:block>
  </xsl:template>
  <xsl:template match="m:block[@role = ('l', 'row', 'cell', 'speaker', 'stage')]" mode="p:fo">
    <fo:block role="P" text-align="start"><xsl:call-template name="p:lang"/>
      <xsl:if test="@role = 'cell'"><xsl:attribute name="start-indent">inherited-property-value(start-indent) + 4mm</xsl:attribute></xsl:if>
      <xsl:apply-templates mode="p:fo"/>
    </fo:block>
  </xsl:template>
  <xsl:template match="m:block[@role = 'fw']" mode="p:fo">
    <fo:block font-size="{$p:small}" color="#444444"><xsl:apply-templates mode="p:fo"/></fo:block>
  </xsl:template>

  <!-- ================================================================== -->
  <!-- the text: inline behaviours                                        -->
  <!-- ================================================================== -->

  <!-- The parts of a letterhead (TEI seg in an opener) follow each other without text between them: each its own line,
       as on the paper, instead of "Handelsblatt.Redaction.Frankfurt". -->
  <xsl:template match="m:block[@role = ('opener', 'closer')]/m:inline[preceding-sibling::node()[not(self::text()[not(normalize-space())])][1][self::m:inline]]"
      mode="p:fo" priority="1">
    <fo:block/>
    <xsl:next-match/>
  </xsl:template>

  <xsl:template match="m:inline" mode="p:fo">
    <fo:inline><xsl:call-template name="p:lang"/><xsl:call-template name="p:rend"/><xsl:apply-templates mode="p:fo"/></fo:inline>
  </xsl:template>

  <xsl:template match="m:inline[@role = ('title', 'mentioned', 'foreign', 'term', 'emph')]" mode="p:fo">
    <fo:inline font-style="italic"><xsl:call-template name="p:lang"/><xsl:call-template name="p:rend"/><xsl:apply-templates mode="p:fo"/></fo:inline>
  </xsl:template>

  <xsl:template match="m:inline[@role = ('quote', 'soCalled')]" mode="p:fo">
    <fo:inline><xsl:call-template name="p:lang"/><xsl:call-template name="p:rend"/>“<xsl:apply-templates mode="p:fo"/>”</fo:inline>
  </xsl:template>

  <!-- Leiden conventions: [supplied], [...] gap, (expansion) -->
  <xsl:template match="m:inline[@role = 'supplied']" mode="p:fo">
    <fo:inline>{te:sign('supplied-open')}<xsl:apply-templates mode="p:fo"/>{te:sign('supplied-close')}</fo:inline>
  </xsl:template>
  <xsl:template match="m:inline[@role = 'gap']" mode="p:fo">
    <fo:inline>{te:sign('gap')}</fo:inline>
  </xsl:template>
  <xsl:template match="m:inline[@role = 'expanded']" mode="p:fo">
    <fo:inline>{te:sign('expansion-open')}<xsl:apply-templates mode="p:fo"/>{te:sign('expansion-close')}</fo:inline>
  </xsl:template>
  <xsl:template match="m:inline[@role = 'deleted']" mode="p:fo">
    <fo:inline text-decoration="line-through"><xsl:apply-templates mode="p:fo"/></fo:inline>
  </xsl:template>

  <!-- the known @rend classes the model passes on -->
  <xsl:template name="p:rend">
    <xsl:variable name="r" select="tokenize(@rend)"/>
    <xsl:if test="$r = 'italic'"><xsl:attribute name="font-style">italic</xsl:attribute></xsl:if>
    <xsl:if test="$r = ('bold', 'strong')"><xsl:attribute name="font-weight">bold</xsl:attribute></xsl:if>
    <xsl:if test="$r = ('smallcaps', 'small-caps')"><xsl:attribute name="font-variant">small-caps</xsl:attribute></xsl:if>
    <xsl:if test="$r = 'superscript'"><xsl:attribute name="baseline-shift">super</xsl:attribute><xsl:attribute name="font-size">75%</xsl:attribute></xsl:if>
    <xsl:if test="$r = 'subscript'"><xsl:attribute name="baseline-shift">sub</xsl:attribute><xsl:attribute name="font-size">75%</xsl:attribute></xsl:if>
    <xsl:if test="$r = 'underline'"><xsl:attribute name="text-decoration">underline</xsl:attribute></xsl:if>
    <xsl:if test="$r = 'strikethrough'"><xsl:attribute name="text-decoration">line-through</xsl:attribute></xsl:if>
    <xsl:if test="$r = 'spaced'"><xsl:attribute name="letter-spacing">0.12em</xsl:attribute></xsl:if>
  </xsl:template>

  <xsl:template match="m:link[not(normalize-space())]" mode="p:fo" priority="1">
    <!-- a link without text (a reference to a date or an address): paper shows where it points, not "()" -->
    <fo:inline>{@href}</fo:inline>
  </xsl:template>

  <xsl:template match="m:link" mode="p:fo">
    <xsl:choose>
      <xsl:when test="matches(@href, '^https?://')">
        <fo:basic-link external-destination="url('{replace(@href, &quot;'&quot;, '%27')}')" fox:alt-text="{@href}"
            xmlns:fox="http://xmlgraphics.apache.org/fop/extensions">
          <xsl:apply-templates mode="p:fo"/>
        </fo:basic-link>
      </xsl:when>
      <xsl:otherwise><fo:inline><xsl:apply-templates mode="p:fo"/></fo:inline></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="m:image" mode="p:fo">
    <fo:inline font-style="italic">[image: {normalize-space()}]</fo:inline>
  </xsl:template>

  <!-- Breaks of the reading view: a line break ends the line; page and column breaks are a thin bar. -->
  <xsl:template match="m:break[@type = 'line']" mode="p:fo">
    <fo:block/>
  </xsl:template>
  <xsl:template match="m:break" mode="p:fo">
    <fo:inline color="#666666" font-size="{$p:small}"> |<xsl:for-each select="@n"><fo:inline baseline-shift="super" font-size="75%">{.}</fo:inline></xsl:for-each> </fo:inline>
  </xsl:template>

  <!-- Text in NFC: canonically the same, and precomposed letters (Greek with iota subscript, say) use
       the fonts' own glyphs instead of FOP's combining-mark positioning, which loses some glyphs. -->
  <xsl:template match="text()" mode="p:fo">
    <xsl:value-of select="normalize-unicode(., 'NFC')"/>
  </xsl:template>

  <!-- An address (https://...) may break after each slash: a zero-width space there, which FOP breaks at and does not
       paint, so the text layer keeps the address as it is. Its block is not hyphenated (p:no-hyphens-for-urls): FOP
       hyphenates per block, and a hyphen inside an address would change it. -->
  <xsl:template match="text()[matches(., 'https?://')]" mode="p:fo">
    <xsl:analyze-string select="normalize-unicode(., 'NFC')" regex="https?://\S+">
      <xsl:matching-substring><xsl:value-of select="replace(., '/(.)', '/&#x200B;$1')"/></xsl:matching-substring>
      <xsl:non-matching-substring><xsl:value-of select="."/></xsl:non-matching-substring>
    </xsl:analyze-string>
  </xsl:template>

  <xsl:template name="p:no-hyphens-for-urls">
    <xsl:if test="exists(key('p:url-text', generate-id()))">
      <xsl:attribute name="hyphenate" select="false()"/>
    </xsl:if>
  </xsl:template>

  <!-- Private-use characters (MUFI and the like) and characters beyond the BMP (FOP truncates their code
       points; DejaVu has none of the epigraphic ones) have no glyph in the bundled fonts: print the
       replacement character rather than let FOP drop in a '#', and say so. This stylesheet's only messages:
       the character replaced, which the driver reports as a warning located in the source (PrintWarnings). -->
  <xsl:template match="text()[matches(., '[&#xE000;-&#xF8FF;&#x10000;-&#x10FFFF;]')]" mode="p:fo" priority="1">
    <xsl:analyze-string select="normalize-unicode(., 'NFC')" regex="[&#xE000;-&#xF8FF;&#x10000;-&#x10FFFF;]">
      <xsl:matching-substring>
        <xsl:message select="."/>
        <fo:inline font-family="DejaVu Sans">&#xFFFD;</fo:inline>
      </xsl:matching-substring>
      <xsl:non-matching-substring><xsl:value-of select="."/></xsl:non-matching-substring>
    </xsl:analyze-string>
  </xsl:template>

  <!-- ================================================================== -->
  <!-- footnotes: the apparatus (letters) and the commentary (numbers)    -->
  <!-- ================================================================== -->

  <!-- A marker: superscript italic letter (apparatus) or superscript number (commentary). -->
  <xsl:template match="m:app-ref | m:note-ref" mode="p:fo">
    <xsl:param name="in-note" as="xs:boolean" select="false()" tunnel="yes"/>
    <xsl:variable name="entry" select="if (self::m:app-ref) then key('p:entry', @target) else key('p:note', @target)"/>
    <xsl:variable name="page" select="$p:marker-pages(@id)"/>
    <xsl:variable name="bidi" select="p:bidi-anchor(.)"/>
    <xsl:variable name="mark" as="element(fo:inline)">
      <fo:inline baseline-shift="super" font-size="70%" role="Lbl">
        <xsl:if test="self::m:app-ref"><xsl:attribute name="font-style">italic</xsl:attribute></xsl:if>
        <xsl:if test="not($in-note) and key('p:id', @id)[1] is current()">
          <xsl:attribute name="id" select="@id"/>
          <xsl:for-each select="$entry[1]/@id"><xsl:attribute name="p:footnote" select="."/></xsl:for-each>
        </xsl:if>
        <xsl:value-of select="$bidi || (@letter, @n)[1]"/>
      </fo:inline>
    </xsl:variable>
    <xsl:value-of select="$bidi"/>
    <xsl:call-template name="p:marker">
      <xsl:with-param name="mark" select="$mark"/>
      <xsl:with-param name="entry" select="$entry"/>
      <xsl:with-param name="page" select="$page"/>
    </xsl:call-template>
    <xsl:value-of select="$bidi"/>
  </xsl:template>

  <!-- FOP resolves bidirectional text in ranges that a footnote splits (the text before it, its marker, the text
       after it), and leaves a range without right-to-left characters unresolved: a line holding both kinds then
       comes out reversed. In a block with right-to-left text, an empty embedding (RLE PDF: no glyph, no effect on
       the order) next to each footnote and in its marker makes FOP resolve every range. -->
  <xsl:function name="p:bidi-anchor" as="xs:string">
    <xsl:param name="marker" as="element()"/>
    <xsl:sequence select="if (exists($marker/ancestor::m:block[1] ! key('p:right-to-left', generate-id()))) then '&#x202B;&#x202C;' else ''"/>
  </xsl:function>

  <xsl:template name="p:marker">
    <xsl:param name="mark" as="element(fo:inline)"/>
    <xsl:param name="entry" as="element()*"/>
    <xsl:param name="page" as="xs:string?"/>
    <xsl:param name="in-note" as="xs:boolean" select="false()" tunnel="yes"/>
    <xsl:choose>
      <xsl:when test="$in-note or empty($entry)"><xsl:sequence select="$mark"/></xsl:when>
      <xsl:when test="exists($page)">
        <xsl:variable name="on-page" select="key('p:on-page', $page)"/>
        <xsl:choose>
          <xsl:when test="$on-page[1] is current()">
            <fo:footnote>
              <xsl:sequence select="$mark"/>
              <fo:footnote-body role="Note">
                <xsl:variable name="apps" select="$on-page[self::m:app-ref]"/>
                <xsl:variable name="notes" select="$on-page[self::m:note-ref]"/>
                <xsl:if test="$apps">
                  <fo:block xsl:use-attribute-sets="p:footnote" start-indent="0mm" text-indent="0mm"
                      font-size="{$p:app-size}" line-height="10pt" space-before="1pt">
                    <xsl:for-each select="$apps">
                      <xsl:if test="position() gt 1"><fo:inline>&#x2003; </fo:inline></xsl:if>
                      <xsl:apply-templates select="." mode="p:footnote"><xsl:with-param name="mode" select="'run-in'"/></xsl:apply-templates>
                    </xsl:for-each>
                  </fo:block>
                </xsl:if>
                <xsl:if test="$apps and $notes">
                  <fo:block line-height="4pt" font-size="4pt" space-before="2pt" space-after="1pt" start-indent="0mm">
                    <fo:leader leader-pattern="rule" leader-length="15%" rule-thickness="0.3pt"/>
                  </fo:block>
                </xsl:if>
                <xsl:apply-templates select="$notes" mode="p:footnote"/>
              </fo:footnote-body>
            </fo:footnote>
          </xsl:when>
          <xsl:otherwise><xsl:sequence select="$mark"/></xsl:otherwise>
        </xsl:choose>
      </xsl:when>
      <xsl:otherwise>
        <fo:footnote>
          <xsl:sequence select="$mark"/>
          <fo:footnote-body role="Note">
            <xsl:apply-templates select="." mode="p:footnote"/>
          </fo:footnote-body>
        </fo:footnote>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The footnote text of a marker; the entry's id (a1, n1) marks where it landed. -->
  <xsl:template match="m:app-ref | m:note-ref" mode="p:footnote">
    <xsl:param name="mode" as="xs:string" select="'block'"/>
    <xsl:variable name="entry" select="(if (self::m:app-ref) then key('p:entry', @target) else key('p:note', @target))[1]"/>
    <xsl:variable name="id" select="if (key('p:target', @target)[1] is current()) then string($entry/@id) else ()"/>
    <xsl:choose>
      <xsl:when test="$mode = 'run-in'">
        <xsl:apply-templates select="$entry" mode="p:run-in"><xsl:with-param name="id" select="$id"/></xsl:apply-templates>
      </xsl:when>
      <xsl:otherwise>
        <xsl:apply-templates select="$entry" mode="p:entry"><xsl:with-param name="id" select="$id"/></xsl:apply-templates>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Footnote bodies set their own indents and alignment: they would otherwise inherit them from the
       marker's context (a paragraph hung into the margin, a list item). -->
  <xsl:attribute-set name="p:footnote">
    <xsl:attribute name="start-indent">4.5mm</xsl:attribute>
    <xsl:attribute name="end-indent">0mm</xsl:attribute>
    <xsl:attribute name="text-indent">-4.5mm</xsl:attribute>
    <xsl:attribute name="text-align">justify</xsl:attribute>
    <xsl:attribute name="font-style">normal</xsl:attribute>
    <xsl:attribute name="font-weight">normal</xsl:attribute>
  </xsl:attribute-set>

  <!-- An apparatus entry: "a  lemma ] FRUS; reading DH. textual note". On its own it is a block; a page's
       entries together run on in one paragraph, as in printed critical editions. -->
  <xsl:template match="m:apparatus/m:entry" mode="p:entry">
    <xsl:param name="id" as="xs:string?"/>
    <fo:block xsl:use-attribute-sets="p:footnote" font-size="{$p:app-size}" line-height="10pt" space-before="1pt">
      <xsl:for-each select="$id"><xsl:attribute name="id" select="."/></xsl:for-each>
      <xsl:apply-templates select="." mode="p:entry-text"/>
    </fo:block>
  </xsl:template>
  <xsl:template match="m:apparatus/m:entry" mode="p:run-in">
    <xsl:param name="id" as="xs:string?"/>
    <fo:inline keep-together.within-line="auto">
      <xsl:for-each select="$id"><xsl:attribute name="id" select="."/></xsl:for-each>
      <xsl:apply-templates select="." mode="p:entry-text"/>
    </fo:inline>
  </xsl:template>

  <xsl:template match="m:apparatus/m:entry" mode="p:entry-text">
      <fo:inline font-style="italic" font-weight="bold" role="Lbl">{@letter}</fo:inline>
      <fo:inline>&#x2002;</fo:inline>
      <xsl:call-template name="p:entry-place"/>
      <xsl:for-each select="m:lemma">
        <xsl:choose>
          <xsl:when test="@om = 'true'">
            <fo:inline font-style="italic">{te:sign('omitted')}</fo:inline><xsl:call-template name="p:sigla"/>
          </xsl:when>
          <xsl:otherwise>
            <xsl:value-of select="."/><xsl:text> ]</xsl:text><xsl:call-template name="p:sigla"/>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:for-each>
      <xsl:for-each select="m:reading">
        <xsl:if test="position() gt 1 or ../m:lemma">; </xsl:if>
        <xsl:choose>
          <xsl:when test="@om = 'true'"><fo:inline font-style="italic">{te:sign('omitted')}</fo:inline></xsl:when>
          <xsl:otherwise><xsl:value-of select="."/></xsl:otherwise>
        </xsl:choose>
        <xsl:call-template name="p:sigla"/>
      </xsl:for-each>
      <xsl:for-each select="m:note">
        <xsl:if test="../(m:lemma | m:reading)"><xsl:text>. </xsl:text></xsl:if>
        <fo:inline>
          <xsl:apply-templates mode="p:fo"><xsl:with-param name="in-note" select="true()" tunnel="yes"/></xsl:apply-templates>
        </fo:inline>
      </xsl:for-each>
  </xsl:template>

  <!-- Where the lemma is, so the entry can be found without its marker: the model's paragraph number (@loc), or,
       outside the numbered paragraphs (salutation, signature), the page of the marker. -->
  <xsl:template name="p:entry-place">
    <xsl:variable name="marker" select="key('p:target', @id)[1]"/>
    <xsl:choose>
      <xsl:when test="@loc"><fo:inline>§{@loc}</fo:inline><fo:inline>&#x2002;</fo:inline></xsl:when>
      <xsl:when test="$marker and key('p:id', $marker/@id)[1] is $marker">
        <fo:inline>p.&#xA0;<fo:page-number-citation ref-id="{$marker/@id}"/></fo:inline><fo:inline>&#x2002;</fo:inline>
      </xsl:when>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="p:sigla">
    <xsl:if test="normalize-space(@wit)"><xsl:text> </xsl:text><fo:inline font-style="italic">{normalize-space(@wit)}</fo:inline></xsl:if>
  </xsl:template>

  <!-- A commentary note: "1  text". -->
  <xsl:template match="m:notes/m:note" mode="p:entry">
    <xsl:param name="id" as="xs:string?"/>
    <fo:block xsl:use-attribute-sets="p:footnote" font-size="{$p:note-size}" line-height="10.5pt" space-before="1pt">
      <xsl:for-each select="$id"><xsl:attribute name="id" select="."/></xsl:for-each>
      <xsl:call-template name="p:no-hyphens-for-urls"/>
      <fo:inline role="Lbl">{@n}</fo:inline>
      <fo:inline>&#x2002;</fo:inline>
      <xsl:apply-templates mode="p:fo"><xsl:with-param name="in-note" select="true()" tunnel="yes"/></xsl:apply-templates>
    </fo:block>
  </xsl:template>

  <!-- ================================================================== -->
  <!-- back matter                                                        -->
  <!-- ================================================================== -->

  <!-- new-page: the back matter starts on a new page (false when it is a page-sequence of its own) -->
  <xsl:template name="p:back">
    <xsl:param name="new-page" as="xs:boolean" select="true()"/>
    <xsl:variable name="meta" select="m:meta"/>
    <xsl:variable name="first" select="($meta/m:witness, $meta/m:principles, m:registers/m:register)[1]"/>
    <fo:block role="Sect" font-size="9.5pt" line-height="12.5pt" text-align="justify">
      <xsl:if test="$meta/m:witness">
        <fo:block role="Sect">
          <xsl:call-template name="p:heading">
            <xsl:with-param name="id" select="'witnesses'"/>
            <xsl:with-param name="text" select="'Witnesses'"/>
            <xsl:with-param name="break" select="$new-page"/>
          </xsl:call-template>
          <xsl:for-each select="$meta/m:witness">
            <fo:list-block provisional-distance-between-starts="14mm" provisional-label-separation="2mm" space-after="3pt">
              <fo:list-item>
                <fo:list-item-label end-indent="label-end()"><fo:block font-style="italic" font-weight="bold">{@siglum}</fo:block></fo:list-item-label>
                <fo:list-item-body start-indent="body-start()"><fo:block>{.}</fo:block></fo:list-item-body>
              </fo:list-item>
            </fo:list-block>
          </xsl:for-each>
        </fo:block>
      </xsl:if>
      <xsl:for-each select="$meta/m:principles">
        <fo:block role="Sect">
          <xsl:call-template name="p:heading">
            <xsl:with-param name="id" select="'principles'"/>
            <xsl:with-param name="text" select="'Editorial principles'"/>
            <xsl:with-param name="break" select="$new-page and . is $first"/>
          </xsl:call-template>
          <xsl:for-each select="m:principle">
            <xsl:call-template name="p:subheading">
              <xsl:with-param name="text" select="upper-case(substring(@type, 1, 1)) || substring(@type, 2)"/>
            </xsl:call-template>
            <fo:block space-after="3pt">
              <xsl:apply-templates mode="p:fo"><xsl:with-param name="in-note" select="true()" tunnel="yes"/></xsl:apply-templates>
            </fo:block>
          </xsl:for-each>
        </fo:block>
      </xsl:for-each>
      <!-- The licence by its first sentence and its address: a licence's full text (Creative Commons' German deed runs
           to a page) is not the edition's. -->
      <xsl:for-each select="$meta/m:licence">
        <fo:block font-size="{$p:small}" space-before="8pt" font-style="italic" role="P">
          <xsl:variable name="first" select="replace(normalize-space(.), '^(.{12,}?[.!?])\s.*$', '$1')"/>
          <xsl:text>Licence: {if (string-length($first) le 160) then $first else if (@href) then '' else p:shorten($first, 160)}</xsl:text>
          <xsl:for-each select="@href[matches(., '^https?://')]">
            <xsl:if test="string-length($first) le 160"><xsl:text> </xsl:text></xsl:if>
            <fo:basic-link external-destination="url('{replace(., &quot;'&quot;, '%27')}')" fox:alt-text="{.}"
                xmlns:fox="http://xmlgraphics.apache.org/fop/extensions">{.}</fo:basic-link>
          </xsl:for-each>
        </fo:block>
      </xsl:for-each>
      <xsl:if test="m:registers/m:register">
        <fo:block role="Sect">
          <xsl:call-template name="p:heading">
            <xsl:with-param name="id" select="'registers'"/>
            <xsl:with-param name="text" select="'Registers'"/>
            <xsl:with-param name="break" select="$new-page and m:registers/m:register[1] is $first"/>
          </xsl:call-template>
          <xsl:for-each select="m:registers/m:register">
            <fo:block id="register-{position()}">
              <xsl:call-template name="p:subheading"><xsl:with-param name="text" select="te:register-heading(@type)"/></xsl:call-template>
              <xsl:for-each select="m:entry">
                <fo:block id="{@id}" start-indent="5mm" text-indent="-5mm" text-align="start" space-after="1pt" role="P">
                  <fo:inline font-weight="bold">{m:label}</fo:inline>
                  <xsl:for-each select="m:desc">, {.}</xsl:for-each>
                  <xsl:for-each select="m:link">
                    <xsl:text>{if (position() = 1) then ' — ' else '; '}</xsl:text>
                    <fo:basic-link external-destination="url('{replace(@href, &quot;'&quot;, '%27')}')" fox:alt-text="{.} {@href}"
                        xmlns:fox="http://xmlgraphics.apache.org/fop/extensions">{.} {p:authority-id(@href)}</fo:basic-link>
                  </xsl:for-each>
                </fo:block>
              </xsl:for-each>
            </fo:block>
          </xsl:for-each>
        </fo:block>
      </xsl:if>
    </fo:block>
  </xsl:template>

  <!-- The identifier at the end of an authority URL (Q9696, 4140963); paper cannot follow a link. -->
  <xsl:function name="p:authority-id" as="xs:string">
    <xsl:param name="href" as="xs:string"/>
    <xsl:sequence select="(tokenize(replace($href, '/+$', ''), '/')[last()], $href)[1]"/>
  </xsl:function>
</xsl:stylesheet>
