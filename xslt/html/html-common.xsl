<?xml version="1.0" encoding="UTF-8"?>
<!--
  Shared HTML rendering of the view model (xslt/README.md): the page shell and one rule per model
  behaviour. It decides nothing about the text (the model did); it only chooses HTML for each behaviour.
  CSS and JS are inlined from assets/ (relative to this stylesheet) so every page is self-contained.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:te="https://teiedition.org/ns/functions"
    xmlns:m="https://teiedition.org/ns/model"
    xmlns:h="https://teiedition.org/ns/html"
    exclude-result-prefixes="#all"
    expand-text="yes">

  <!-- Renders a model view; the driver (EditionRenderer) applies page.xsl and parallel.xsl to the view their
       edition names. -->

  <xsl:import href="../common/functions.xsl"/>
  <xsl:include href="cite.xsl"/>

  <xsl:mode name="h:r" on-no-match="text-only-copy"/>

  <!-- read once when the stylesheet is compiled, not for every page; an edition adds to them by overriding h:css or
       h:js with these and its own (static too, so that nothing is read per page) -->
  <xsl:variable name="h:edition-css" static="yes" as="xs:string" select="unparsed-text(resolve-uri('assets/edition.css', static-base-uri()), 'UTF-8')"/>
  <xsl:variable name="h:css" as="xs:string" select="$h:edition-css"/>
  <!-- the page's script: the search's folding (shared with the search page), then the edition's behaviour -->
  <xsl:variable name="h:edition-js" static="yes" as="xs:string" select="string-join(('fold.js', 'edition.js')
      ! unparsed-text(resolve-uri('assets/' || ., static-base-uri()), 'UTF-8'), '&#10;')"/>
  <xsl:variable name="h:js" as="xs:string" select="$h:edition-js"/>

  <!-- ================================================================== -->
  <!-- page shell                                                         -->
  <!-- ================================================================== -->

  <!-- Set by the driver from the registration (Editions.java): this edition's name, the editions built for this
       document (map{'name', 'label', 'file'}, in registry order: every page links to each of them, and takes its
       own label and file name from its entry), and whether this edition shows the apparatus. -->
  <xsl:param name="edition" as="xs:string" required="yes"/>
  <xsl:param name="editions" as="map(xs:string, xs:string)*" select="()"/>
  <xsl:param name="show-apparatus" as="xs:boolean" select="false()"/>

  <xsl:variable name="h:this" as="map(xs:string, xs:string)"
      select="($editions[?name = $edition], map{'name': $edition, 'label': $edition, 'file': $edition || '.html'})[1]"/>

  <!-- The page around a view's content: head, masthead (links to the other editions of this document, the edition's
       label, title, correspondents, prev/next), the content, the colophon. -->
  <xsl:template name="h:shell">
    <xsl:param name="model" as="document-node()"/>
    <xsl:variable name="e" select="$model/m:edition"/>
    <xsl:variable name="meta" select="$e/m:meta"/>
    <xsl:variable name="kind" select="h:kind($e)"/>
    <!-- the interface is English; the document's own words carry its language (h:doc-lang) -->
    <html lang="en">
      <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <meta name="generator" content="tei-edition"/>
        <title>{$meta/m:title} · {$kind}</title>
        <xsl:call-template name="h:cite-head"><xsl:with-param name="model" select="$model"/></xsl:call-template>
        <style>{$h:css}</style>
      </head>
      <body class="{$edition} view-{$e/@view}">
        <a class="skip" href="#text">Skip to the text</a>
        <header class="masthead">
          <xsl:if test="count($editions) gt 1">
            <nav class="editions" aria-label="Editions of this document">
              <xsl:for-each select="$editions">
                <xsl:if test="position() gt 1"><xsl:text> </xsl:text></xsl:if>
                <a href="{?file}">
                  <xsl:if test="?name = $edition"><xsl:attribute name="aria-current">page</xsl:attribute></xsl:if>
                  <xsl:if test="ends-with(?file, '.pdf')"><xsl:attribute name="type">application/pdf</xsl:attribute></xsl:if>{?label}</a>
              </xsl:for-each>
            </nav>
          </xsl:if>
          <p class="kind">{$kind}</p>
          <h1><xsl:call-template name="h:doc-lang"><xsl:with-param name="e" select="$e"/></xsl:call-template>{$meta/m:title}</h1>
          <xsl:if test="$meta/m:action">
            <dl class="corresp">
              <xsl:for-each select="$meta/m:action">
                <dt>{te:action-label(@type)}</dt>
                <dd>
                  <xsl:for-each select="m:correspondent">
                    <xsl:if test="position() gt 1">; </xsl:if>
                    <span class="correspondent"><xsl:call-template name="h:name"/></span>
                  </xsl:for-each>
                  <xsl:for-each select="m:place, m:date">
                    <xsl:text>, </xsl:text>
                    <xsl:choose>
                      <xsl:when test="self::m:date[@when castable as xs:date or @when castable as xs:dateTime or matches(@when, '^\d{4}(-\d\d)?$')]">
                        <time datetime="{@when}">{.}</time>
                      </xsl:when>
                      <xsl:otherwise><xsl:call-template name="h:name"/></xsl:otherwise>
                    </xsl:choose>
                  </xsl:for-each>
                </dd>
              </xsl:for-each>
            </dl>
          </xsl:if>
          <xsl:choose>
            <!-- in a corpus build the corpus step resolves the encoder's pointers (else the date order): one line -->
            <xsl:when test="$corpus"><xsl:call-template name="h:corpus-sequence"/></xsl:when>
            <xsl:when test="$meta/(m:prev | m:next)">
              <nav class="sequence" aria-label="Correspondence">
                <xsl:for-each select="$meta/m:prev[1]">
                  <span class="prev">Previous letter: <xsl:call-template name="h:link"/></span>
                </xsl:for-each>
                <xsl:for-each select="$meta/m:next[1]">
                  <span class="next">Next letter: <xsl:call-template name="h:link"/></span>
                </xsl:for-each>
              </nav>
            </xsl:when>
          </xsl:choose>
        </header>
        <xsl:apply-templates select="$model" mode="h:main"/>
        <footer class="colophon">
          <xsl:for-each select="$meta/m:licence">
            <p class="licence">Licence: <xsl:choose>
                <xsl:when test="@href"><a href="{@href}" rel="license">{.}</a></xsl:when>
                <xsl:otherwise>{.}</xsl:otherwise>
              </xsl:choose></p>
          </xsl:for-each>
          <xsl:call-template name="h:source-link"/>
          <p>Generated from TEI by tei-edition.</p>
        </footer>
        <script>{$h:js}</script>
      </body>
    </html>
  </xsl:template>

  <!-- Where a register entry is named: each citable paragraph (§n) and commentary note, once, in order: links back. -->
  <xsl:key name="h:mention" match="m:inline[@role = 'name'][@ref]" use="@ref"/>
  <xsl:template name="h:mentioned-at">
    <xsl:param name="e" as="element(m:edition)"/>
    <xsl:variable name="places" select="(key('h:mention', @id, root($e))
        ! (ancestor::m:block[@role = 'p'][@id][1], ancestor::m:note[parent::m:notes])[1])/."/>
    <xsl:if test="exists($places)">
      <xsl:text> </xsl:text>
      <span class="mentioned-at">named in
        <xsl:for-each select="$places">
          <xsl:if test="position() gt 1">, </xsl:if>
          <a href="#{if (self::m:note) then @ref else @id}">{if (self::m:note) then 'note ' || @n else '§' || @n}</a>
        </xsl:for-each>
      </span>
    </xsl:if>
  </xsl:template>

  <!-- The language of the document's own words (its title, text, notes, apparatus) where it is not the interface's. -->
  <xsl:template name="h:doc-lang">
    <xsl:param name="e" as="element(m:edition)"/>
    <xsl:if test="not($e/@lang = ('en', '')) and not(starts-with($e/@lang, 'en-'))"><xsl:attribute name="lang" select="$e/@lang"/></xsl:if>
  </xsl:template>

  <!-- What the page calls this edition: its registered label; a diplomatic view adds its witness. -->
  <xsl:function name="h:kind" as="xs:string">
    <xsl:param name="e" as="element(m:edition)"/>
    <xsl:variable name="wit" select="$e/m:meta/m:witness[@current]"/>
    <xsl:sequence select="$h:this?label || (if ($e/@view = 'diplomatic' and $wit) then ' of witness ' || $wit/@siglum else '')"/>
  </xsl:function>

  <!-- The content of a page (the shell's main part); an edition's stylesheet may put its own (parallel.xsl).
       This one: the text of a reading or diplomatic view with its notes, apparatus, registers and about. -->
  <xsl:mode name="h:main" on-no-match="fail"/>
  <xsl:template match="/" mode="h:main">
    <xsl:variable name="e" select="m:edition"/>
    <xsl:variable name="meta" select="$e/m:meta"/>
    <xsl:variable name="kind" select="h:kind($e)"/>
    <!-- The apparatus belongs to the edited text (its lemmata are the edited readings): an edition registered with
         it shows it; one without (the diplomatic edition) shows the witness and the commentary. -->
    <xsl:variable name="show-app" select="$show-apparatus"/>
    <xsl:variable name="has-signs" select="exists($e/m:text//m:inline[@role = ('corrected', 'supplied', 'expanded')])"/>
    <xsl:variable name="has-markers" select="exists($e/m:text//m:note-ref) or ($show-app and exists($e/m:text//m:app-ref))"/>
        <main>
          <xsl:if test="$has-markers or $has-signs">
            <div class="toolbar">
              <xsl:if test="$has-markers"><button type="button" id="toggle-app" aria-pressed="true" hidden="hidden">{if ($show-app) then 'Note and apparatus markers' else 'Note markers'}</button></xsl:if>
              <xsl:if test="$has-signs"><xsl:text> </xsl:text><button type="button" id="toggle-signs" aria-pressed="true" hidden="hidden">Editorial signs</button></xsl:if>
            </div>
          </xsl:if>
          <article id="text" class="text">
            <xsl:call-template name="h:doc-lang"><xsl:with-param name="e" select="$e"/></xsl:call-template>
            <xsl:apply-templates select="$e/m:text/node()" mode="h:r"/>
          </article>
          <xsl:if test="$e/m:notes/m:note">
            <section id="notes" class="notes" aria-labelledby="notes-h">
              <xsl:call-template name="h:doc-lang"><xsl:with-param name="e" select="$e"/></xsl:call-template>
              <h2 id="notes-h">Notes</h2>
              <ol class="notes-list">
                <xsl:for-each select="$e/m:notes/m:note">
                  <li id="{@id}">
                    <a class="backref" href="#{@ref}" aria-label="Back to note {@n} in the text">{@n}</a>
                    <xsl:text> </xsl:text>
                    <span class="entry-body">
                      <xsl:call-template name="h:loc"/>
                      <xsl:apply-templates mode="h:r"/>
                    </span>
                  </li>
                </xsl:for-each>
              </ol>
            </section>
          </xsl:if>
          <xsl:if test="$show-app and $e/m:apparatus/m:entry">
            <section id="apparatus" class="apparatus" aria-labelledby="apparatus-h">
              <xsl:call-template name="h:doc-lang"><xsl:with-param name="e" select="$e"/></xsl:call-template>
              <h2 id="apparatus-h">Textual apparatus</h2>
              <ol class="apparatus-list">
                <xsl:apply-templates select="$e/m:apparatus/m:entry" mode="h:entry"/>
              </ol>
            </section>
          </xsl:if>
          <xsl:if test="$e/m:registers/m:register">
            <section id="registers" class="registers" aria-labelledby="registers-h">
              <h2 id="registers-h">Index of names</h2>
              <xsl:for-each select="$e/m:registers/m:register">
                <section class="register {@type}" aria-labelledby="reg-h-{@type}">
                  <h3 id="reg-h-{@type}">{te:register-heading(@type)}</h3>
                  <ul>
                    <xsl:for-each select="m:entry">
                      <li id="{@id}">
                        <span class="reg-label">{m:label}</span>
                        <xsl:for-each select="m:desc"><xsl:text> </xsl:text><span class="reg-desc">({.})</span></xsl:for-each>
                        <xsl:for-each select="m:link">
                          <xsl:text> </xsl:text>
                          <a class="authority" href="{@href}" rel="external noopener">{.}</a>
                        </xsl:for-each>
                        <xsl:call-template name="h:mentioned-at"><xsl:with-param name="e" select="$e"/></xsl:call-template>
                      </li>
                    </xsl:for-each>
                  </ul>
                </section>
              </xsl:for-each>
            </section>
          </xsl:if>
          <aside id="about" class="about" aria-labelledby="about-h">
            <h2 id="about-h">About this edition</h2>
            <xsl:if test="$meta/m:witness">
              <h3>Witnesses</h3>
              <dl class="witnesses">
                <xsl:for-each select="$meta/m:witness">
                  <dt><span class="siglum">{@siglum}</span></dt>
                  <dd>{.}<xsl:if test="@role"><xsl:text> </xsl:text><span class="role">({string-join(@role ! tokenize(.) ! (if (. = 'copy-text') then 'copy-text' else 'authoritative text'), ', ')})</span></xsl:if>
                    <xsl:if test="@current"><xsl:text> </xsl:text><span class="role">(shown here)</span></xsl:if></dd>
                </xsl:for-each>
              </dl>
            </xsl:if>
            <xsl:if test="$meta/m:principles//text()[normalize-space()]">
              <h3>Editorial principles</h3>
              <div class="principles">
                <xsl:for-each select="$meta/m:principles/m:principle">
                  <div class="principle {@type}"><xsl:apply-templates mode="h:r"/></div>
                </xsl:for-each>
              </div>
            </xsl:if>
            <h3>Key to the signs</h3>
            <xsl:call-template name="h:key"><xsl:with-param name="e" select="$e"/></xsl:call-template>
          </aside>
          <xsl:call-template name="h:cite"><xsl:with-param name="e" select="$e"/></xsl:call-template>
        </main>
  </xsl:template>

  <!-- Part of a corpus build (set by the driver; part of the build cache key): the previous and next letter of the
       corpus, filled in by the script from OUT/<document>/nav.js, which the corpus step rewrites on every build, so
       this page never embeds its neighbours. Without scripts: a link to the list of letters. -->
  <xsl:param name="corpus" as="xs:boolean" select="false()"/>
  <xsl:variable name="h:sequence-js" static="yes" as="xs:string" select="unparsed-text(resolve-uri('assets/sequence.js', static-base-uri()), 'UTF-8')"/>
  <xsl:template name="h:corpus-sequence">
    <nav class="sequence corpus" id="corpus-sequence" aria-label="Letters of the corpus" data-file="{$h:this?file}">
      <a class="corpus-index" href="../index.html">All letters</a>
    </nav>
    <script>{$h:sequence-js}</script>
    <script src="nav.js"></script>
  </xsl:template>

  <xsl:template name="h:loc">
    <xsl:if test="@loc"><a class="loc" href="#p{@loc}">§{@loc}</a><xsl:text> </xsl:text></xsl:if>
    <!-- "text" (in no part the model names) says nothing a reader needs -->
    <xsl:if test="@place and @place != 'text'"><span class="loc">{@place}</span><xsl:text> </xsl:text></xsl:if>
  </xsl:template>

  <xsl:template name="h:name">
    <xsl:choose>
      <xsl:when test="@ref"><a class="name {@type}" href="#{@ref}">{.}</a></xsl:when>
      <xsl:when test="@href"><a class="name" href="{@href}" rel="external noopener">{.}</a></xsl:when>
      <xsl:otherwise>{.}</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="h:link">
    <xsl:choose>
      <xsl:when test="@href"><a href="{@href}">{.}</a></xsl:when>
      <xsl:otherwise>{.}</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The key to the signs: exactly the signs this page shows, each with what it means (the text of the view, the
       markers this edition shows, the § numbers, the names linked to the index). -->
  <xsl:template name="h:key">
    <xsl:param name="e" as="element(m:edition)"/>
    <xsl:variable name="t" select="$e/m:text"/>
    <xsl:variable name="roles" select="distinct-values($t//m:inline/@role)"/>
    <xsl:variable name="dip" select="$e/@view = 'diplomatic'"/>
    <dl class="key">
      <xsl:if test="$t//m:note-ref"><dt><span class="marker note-ref sample"><sup>1</sup></span></dt><dd>commentary note (numbered, in red)</dd></xsl:if>
      <xsl:if test="$show-apparatus and $t//m:app-ref">
        <dt><span class="marker app-ref sample"><sup>a</sup></span></dt><dd>apparatus entry (lettered, in blue): <em>lemma</em> ] witnesses; variant witnesses; <i>{te:sign('omitted')}</i> = omitted</dd>
      </xsl:if>
      <xsl:if test="$t//m:block[@role = 'p'][@n]"><dt><span class="para-num sample">§1</span></dt><dd>paragraph number: a link to cite the paragraph by</dd></xsl:if>
      <xsl:if test="$t//m:inline[@role = 'name'][@ref]"><dt><span class="name sample">dotted underline</span></dt><dd>a name: a link to its entry in the index of names</dd></xsl:if>
      <xsl:if test="$dip">
        <dt>Spelling, punctuation, errors</dt><dd>as in the witness; nothing is corrected</dd>
        <xsl:if test="$t//m:break[@type = 'paragraph']"><dt>Paragraphs</dt><dd>as in the witness (its paragraph breaks)</dd></xsl:if>
        <xsl:if test="$t//m:break[@type = 'line']"><dt>line break</dt><dd>a new line where the witness starts one</dd></xsl:if>
      </xsl:if>
      <xsl:if test="$roles = 'corrected-here'">
        <dt><span class="corrected-here sample">wavy underline</span>, <span class="corrected-here om sample">{te:sign('correction-here')}</span></dt>
        <dd>the edition corrects the witness here ({te:sign('correction-here')}: restores words the witness omits); a link to the correction in the reading edition</dd>
      </xsl:if>
      <xsl:if test="$roles = 'corrected'">
        <dt><span class="corrected sample">tinted</span></dt><dd>corrected by the editors (the apparatus gives the witness's reading); the “Editorial signs” button switches the tint and signs off</dd>
      </xsl:if>
      <xsl:if test="$t//m:inline[@role = 'corrected'][@restored]">
        <dt><span class="corrected sample"><span class="sign">{te:sign('restored-open')}</span>words<span class="sign">{te:sign('restored-close')}</span></span></dt><dd>words the copy-text omits, restored by the editors</dd>
      </xsl:if>
      <xsl:if test="$roles = 'supplied'"><dt><span class="supplied sample"><span class="sign">{te:sign('supplied-open')}</span>text<span class="sign">{te:sign('supplied-close')}</span></span></dt><dd>supplied by the editors</dd></xsl:if>
      <xsl:if test="$roles = 'gap'"><dt><span class="gap">{te:sign('gap')}</span></dt><dd>a gap: text lost or illegible</dd></xsl:if>
      <xsl:if test="$roles = 'unclear'"><dt><span class="unclear">dotted</span></dt><dd>unclear reading</dd></xsl:if>
      <xsl:if test="$roles = 'expanded'"><dt>ab<span class="expanded">{te:sign('expansion-open')}breviation{te:sign('expansion-close')}</span></dt><dd>abbreviation expanded by the editors</dd></xsl:if>
      <xsl:if test="$roles = 'abbr'"><dt><abbr class="abbr">abbr.</abbr></dt><dd>abbreviation as written</dd></xsl:if>
      <xsl:if test="$roles = 'deleted'"><dt><del>struck through</del></dt><dd>deleted in the witness</dd></xsl:if>
      <xsl:if test="$roles = 'added'"><dt><ins class="added">raised</ins></dt><dd>added in the witness (above the line or in the margin)</dd></xsl:if>
      <xsl:if test="$t//m:break[@type = ('page', 'column')]">
        <dt><span class="pb">{te:sign('page')} 2</span></dt><dd>page (or column) break {if ($dip) then 'of the witness' else 'of the authoritative text'}, with the page number</dd>
      </xsl:if>
    </dl>
  </xsl:template>

  <!-- ================================================================== -->
  <!-- apparatus entry: lemma ] WIT; reading WIT. textual note            -->
  <!-- ================================================================== -->

  <xsl:template match="m:entry" mode="h:entry">
    <li id="{@id}" class="entry {@kind}">
      <a class="backref" href="#{@ref}" aria-label="Back to apparatus marker {@letter} in the text">{@letter}</a>
      <xsl:text> </xsl:text>
      <span class="entry-body">
        <xsl:call-template name="h:loc"/>
        <xsl:for-each select="m:lemma">
          <span class="lem">
            <xsl:if test="@full"><xsl:attribute name="title" select="@full"/></xsl:if>
            <xsl:choose><xsl:when test="@om"><i>{te:sign('omitted')}</i></xsl:when><xsl:otherwise>{.}</xsl:otherwise></xsl:choose>
          </span>
          <xsl:text> ]</xsl:text>
          <xsl:if test="@wit"><xsl:text> </xsl:text><span class="wit">{@wit}</span></xsl:if>
        </xsl:for-each>
        <xsl:for-each select="m:reading">
          <xsl:if test="position() gt 1 or ../m:lemma">; </xsl:if>
          <span class="rdg"><xsl:choose><xsl:when test="@om"><i>{te:sign('omitted')}</i></xsl:when><xsl:otherwise>{.}</xsl:otherwise></xsl:choose></span>
          <xsl:if test="@wit"><xsl:text> </xsl:text><span class="wit">{@wit}</span></xsl:if>
        </xsl:for-each>
        <xsl:if test="(m:lemma | m:reading) and @kind = 'accidental'"><xsl:text> </xsl:text><span class="kind">(accidental)</span></xsl:if>
        <xsl:for-each select="m:note">
          <xsl:text> </xsl:text>
          <span class="tnote"><xsl:apply-templates mode="h:r"/></span>
        </xsl:for-each>
      </span>
    </li>
  </xsl:template>

  <!-- ================================================================== -->
  <!-- blocks                                                             -->
  <!-- ================================================================== -->

  <!-- A model element that holds blocks must be a div (p, span, h2 cannot hold them). -->
  <xsl:function name="h:holds-blocks" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="exists($e//m:block)"/>
  </xsl:function>

  <!-- A model element that holds links cannot itself become a link (no nested a). -->
  <xsl:function name="h:holds-links" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="exists($e/descendant::*[self::m:inline[@role = 'name'][@ref or @href] or self::m:link[@href] or self::m:app-ref
                                                     or self::m:note-ref or self::m:image[@href] or self::m:break[@href]])"/>
  </xsl:function>

  <xsl:template name="h:class">
    <xsl:param name="base" as="xs:string*"/>
    <xsl:variable name="c" select="string-join(($base, @type ! ('t-' || .), tokenize(@rend) ! ('r-' || .)), ' ')"/>
    <xsl:if test="$c"><xsl:attribute name="class" select="$c"/></xsl:if>
    <xsl:for-each select="@lang"><xsl:attribute name="lang" select="."/></xsl:for-each>
  </xsl:template>

  <xsl:template match="m:block" mode="h:r">
    <div><xsl:call-template name="h:class"><xsl:with-param name="base" select="string(@role)"/></xsl:call-template><xsl:apply-templates mode="h:r"/></div>
  </xsl:template>

  <xsl:template match="m:block[@role = 'p']" mode="h:r">
    <xsl:element name="{if (h:holds-blocks(.)) then 'div' else 'p'}">
      <xsl:if test="@id"><xsl:attribute name="id" select="@id"/></xsl:if>
      <xsl:call-template name="h:class"><xsl:with-param name="base" select="'p'"/></xsl:call-template>
      <xsl:if test="@n"><a class="para-num ed" href="#{@id}" title="Permalink to paragraph {@n}">§{@n}</a><xsl:text> </xsl:text></xsl:if>
      <xsl:apply-templates mode="h:r"/>
    </xsl:element>
  </xsl:template>

  <xsl:template match="m:block[@role = 'head']" mode="h:r">
    <xsl:variable name="level" select="min((6, 2 + count(ancestor::m:block[@role = 'div'])))"/>
    <xsl:element name="{if (h:holds-blocks(.)) then 'div' else 'h' || $level}">
      <xsl:call-template name="h:class"><xsl:with-param name="base" select="'head'"/></xsl:call-template>
      <xsl:apply-templates mode="h:r"/>
    </xsl:element>
  </xsl:template>

  <xsl:template match="m:block[@role = 'quote']" mode="h:r">
    <blockquote><xsl:call-template name="h:class"><xsl:with-param name="base" select="'quote'"/></xsl:call-template><xsl:apply-templates mode="h:r"/></blockquote>
  </xsl:template>

  <!-- Lists and tables: content models are strict, so stray children are wrapped. -->
  <xsl:template match="m:block[@role = 'list']" mode="h:r">
    <xsl:element name="{if (@ordered) then 'ol' else 'ul'}">
      <xsl:call-template name="h:class"><xsl:with-param name="base" select="('list', 'labelled'[current()/@labelled])"/></xsl:call-template>
      <xsl:for-each-group select="node()[not(self::text()[not(normalize-space())])]" group-adjacent="boolean(self::m:block[@role = 'item'])">
        <xsl:choose>
          <xsl:when test="current-grouping-key()"><xsl:apply-templates select="current-group()" mode="h:r"/></xsl:when>
          <xsl:otherwise><li class="list-extra"><xsl:apply-templates select="current-group()" mode="h:r"/></li></xsl:otherwise>
        </xsl:choose>
      </xsl:for-each-group>
    </xsl:element>
  </xsl:template>
  <xsl:template match="m:block[@role = 'item']" mode="h:r">
    <xsl:element name="{if (parent::m:block[@role = 'list']) then 'li' else 'div'}">
      <xsl:call-template name="h:class"><xsl:with-param name="base" select="'item'"/></xsl:call-template>
      <xsl:apply-templates mode="h:r"/>
    </xsl:element>
  </xsl:template>

  <xsl:template match="m:block[@role = 'table']" mode="h:r">
    <table>
      <xsl:call-template name="h:class"><xsl:with-param name="base" select="'table'"/></xsl:call-template>
      <xsl:for-each-group select="node()[not(self::text()[not(normalize-space())])]" group-adjacent="boolean(self::m:block[@role = 'row'])">
        <xsl:choose>
          <xsl:when test="current-grouping-key()"><xsl:apply-templates select="current-group()" mode="h:r"/></xsl:when>
          <xsl:otherwise><tr><td><xsl:apply-templates select="current-group()" mode="h:r"/></td></tr></xsl:otherwise>
        </xsl:choose>
      </xsl:for-each-group>
    </table>
  </xsl:template>
  <xsl:template match="m:block[@role = 'row'][parent::m:block[@role = 'table']]" mode="h:r">
    <tr>
      <xsl:for-each-group select="node()[not(self::text()[not(normalize-space())])]" group-adjacent="boolean(self::m:block[@role = 'cell'])">
        <xsl:choose>
          <xsl:when test="current-grouping-key()">
            <xsl:for-each select="current-group()"><td><xsl:apply-templates mode="h:r"/></td></xsl:for-each>
          </xsl:when>
          <xsl:otherwise><td><xsl:apply-templates select="current-group()" mode="h:r"/></td></xsl:otherwise>
        </xsl:choose>
      </xsl:for-each-group>
    </tr>
  </xsl:template>

  <!-- ================================================================== -->
  <!-- inlines                                                            -->
  <!-- ================================================================== -->

  <xsl:template name="h:inline">
    <xsl:param name="name" as="xs:string" select="'span'"/>
    <xsl:param name="base" as="xs:string*" select="string(@role)"/>
    <xsl:element name="{if (h:holds-blocks(.)) then 'div' else $name}">
      <xsl:call-template name="h:class"><xsl:with-param name="base" select="$base"/></xsl:call-template>
      <xsl:apply-templates mode="h:r"/>
    </xsl:element>
  </xsl:template>

  <xsl:template match="m:inline" mode="h:r"><xsl:call-template name="h:inline"/></xsl:template>
  <xsl:template match="m:inline[@role = 'emph']" mode="h:r"><xsl:call-template name="h:inline"><xsl:with-param name="name" select="'em'"/></xsl:call-template></xsl:template>
  <xsl:template match="m:inline[@role = 'title']" mode="h:r"><xsl:call-template name="h:inline"><xsl:with-param name="name" select="'cite'"/></xsl:call-template></xsl:template>
  <xsl:template match="m:inline[@role = 'deleted']" mode="h:r"><xsl:call-template name="h:inline"><xsl:with-param name="name" select="'del'"/></xsl:call-template></xsl:template>
  <xsl:template match="m:inline[@role = 'added']" mode="h:r">
    <xsl:call-template name="h:inline"><xsl:with-param name="name" select="'ins'"/><xsl:with-param name="base" select="('added', @place ! ('place-' || replace(., '[^A-Za-z-]', '')))"/></xsl:call-template>
  </xsl:template>
  <xsl:template match="m:inline[@role = 'code']" mode="h:r"><xsl:call-template name="h:inline"><xsl:with-param name="name" select="'code'"/></xsl:call-template></xsl:template>
  <!-- quoted words carry quotation marks (the browser's, in the language of the text) -->
  <xsl:template match="m:inline[@role = ('quote', 'soCalled')]" mode="h:r"><xsl:call-template name="h:inline"><xsl:with-param name="name" select="'q'"/></xsl:call-template></xsl:template>
  <xsl:template match="m:inline[@role = 'abbr']" mode="h:r"><xsl:call-template name="h:inline"><xsl:with-param name="name" select="'abbr'"/></xsl:call-template></xsl:template>

  <!-- A correction: in the reading edition the corrected (or restored) words, tinted, restored ones between ⟨ ⟩; in a
       diplomatic edition the witness's words the edition corrects, a link to the correction in the edition that shows
       the apparatus (a caret where the witness has no words). -->
  <xsl:template match="m:inline[@role = 'corrected']" mode="h:r">
    <span id="{@id}" class="corrected{if (@restored) then ' restored' else ''}">
      <xsl:if test="@restored"><span class="sign ed" aria-hidden="true">{te:sign('restored-open')}</span></xsl:if>
      <xsl:apply-templates mode="h:r"/>
      <xsl:if test="@restored"><span class="sign ed" aria-hidden="true">{te:sign('restored-close')}</span></xsl:if>
    </span>
  </xsl:template>
  <xsl:template match="m:inline[@role = 'corrected-here']" mode="h:r">
    <xsl:variable name="file" select="$editions[?apparatus = 'true'][ends-with(?file, '.html')][1]?file"/>
    <xsl:variable name="label" select="if (@om) then 'The edition restores words omitted here' else 'The edition corrects this'"/>
    <xsl:choose>
      <xsl:when test="exists($file) and not(h:holds-links(.) or h:holds-blocks(.))">
        <a class="corrected-here{if (@om) then ' om ed' else ''}" href="{$file}#{@target}" title="{$label}">
          <xsl:if test="@om"><xsl:attribute name="aria-label" select="$label"/>{te:sign('correction-here')}</xsl:if>
          <xsl:apply-templates mode="h:r"/></a>
      </xsl:when>
      <xsl:otherwise>
        <span class="corrected-here{if (@om) then ' om ed' else ''}" title="{$label}">
          <xsl:if test="@om">{te:sign('correction-here')}</xsl:if>
          <xsl:apply-templates mode="h:r"/></span>
        <xsl:if test="exists($file)"><a class="corr-link ed" href="{$file}#{@target}" aria-label="{$label}: the reading">{te:sign('correction-here')}</a></xsl:if>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="m:inline[@role = 'supplied']" mode="h:r">
    <span class="supplied"><span class="sign">{te:sign('supplied-open')}</span><xsl:apply-templates mode="h:r"/><span class="sign">{te:sign('supplied-close')}</span></span>
  </xsl:template>
  <xsl:template match="m:inline[@role = 'expanded']" mode="h:r">
    <span class="expanded">{te:sign('expansion-open')}<xsl:apply-templates mode="h:r"/>{te:sign('expansion-close')}</span>
  </xsl:template>
  <xsl:template match="m:inline[@role = 'gap']" mode="h:r">
    <span class="gap" title="{(@desc, 'gap')[1]}">{te:sign('gap')}</span>
  </xsl:template>

  <xsl:template match="m:inline[@role = 'name']" mode="h:r">
    <xsl:choose>
      <xsl:when test="h:holds-blocks(.) or h:holds-links(.)"><xsl:call-template name="h:inline"/></xsl:when>
      <xsl:when test="@ref"><a href="#{@ref}"><xsl:call-template name="h:class"><xsl:with-param name="base" select="'name'"/></xsl:call-template><xsl:apply-templates mode="h:r"/></a></xsl:when>
      <xsl:when test="@href"><a href="{@href}" rel="external noopener"><xsl:call-template name="h:class"><xsl:with-param name="base" select="'name'"/></xsl:call-template><xsl:apply-templates mode="h:r"/></a></xsl:when>
      <xsl:otherwise><xsl:call-template name="h:inline"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="m:link" mode="h:r">
    <xsl:choose>
      <xsl:when test="@href and not(h:holds-blocks(.) or h:holds-links(.))">
        <a href="{@href}"><xsl:apply-templates mode="h:r"/></a>
      </xsl:when>
      <xsl:otherwise><xsl:call-template name="h:inline"><xsl:with-param name="base" select="'link'"/></xsl:call-template></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="m:image" mode="h:r">
    <xsl:choose>
      <xsl:when test="@href and not(ancestor::m:link[@href])"><a class="image ed" href="{@href}">[image: {.}]</a></xsl:when>
      <xsl:otherwise><span class="image ed">[image: {.}]</span></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Markers: links to the plain lists (which work without JS); edition.js opens them in place. -->
  <xsl:template match="m:note-ref" mode="h:r">
    <a class="{h:marker-class(., 'note-ref')}" id="{@id}" href="#{@target}" aria-describedby="{@target}"
       aria-label="Note {@n}"><sup>{@n}</sup></a>
  </xsl:template>
  <!-- an edition without the apparatus (Edition.apparatus) has no entries to point to -->
  <xsl:template match="m:app-ref[not($show-apparatus)]" mode="h:r"/>
  <xsl:template match="m:app-ref" mode="h:r">
    <a class="{h:marker-class(., 'app-ref')}" id="{@id}" href="#{@target}" aria-describedby="{@target}"
       aria-label="Apparatus entry {@letter}"><sup>{@letter}</sup></a>
  </xsl:template>

  <!-- A marker's box reaches into the spaces beside it (edition.css), except on a side where a link touches it:
       there it must not overlap the link's target (snug-start, snug-end). Only the model knows whether text stands
       between the two; CSS sibling selectors do not see text. -->
  <xsl:function name="h:marker-class" as="xs:string">
    <xsl:param name="marker" as="element()"/>
    <xsl:param name="kind" as="xs:string"/>
    <xsl:sequence select="string-join(('marker', $kind, 'ed',
        'snug-start'[h:link-at($marker/preceding-sibling::node()[h:renders(.)][1], 'end')],
        'snug-end'[h:link-at($marker/following-sibling::node()[h:renders(.)][1], 'start')]), ' ')"/>
  </xsl:function>

  <!-- Whether a node beside a marker renders: not an entry delimiter, not white space. (The nearest such sibling is
       found by walking out from the marker, so a paragraph of many markers is not read once per marker.) -->
  <xsl:function name="h:renders" as="xs:boolean">
    <xsl:param name="n" as="node()"/>
    <xsl:sequence select="not($n[self::m:entry-start or self::m:entry-end or self::text()[not(normalize-space())]])"/>
  </xsl:function>

  <!-- Whether a node of the model renders as a link at its end ($side 'end') or its start ('start'). -->
  <xsl:function name="h:link-at" as="xs:boolean">
    <xsl:param name="n" as="node()?"/>
    <xsl:param name="side" as="xs:string"/>
    <xsl:sequence select="if (not($n instance of element())) then false()
        else if ($n[self::m:note-ref or self::m:app-ref[$show-apparatus] or self::m:link[@href] or self::m:inline[@role = 'name'][@ref or @href]]) then true()
        else h:link-at(if ($side = 'end') then $n/node()[h:renders(.)][last()] else $n/node()[h:renders(.)][1], $side)"/>
  </xsl:function>

  <!-- Line breaks: kept in the diplomatic view, a word space in the reading view (none inside a word). -->
  <xsl:template match="m:break[@type = 'line']" mode="h:r">
    <xsl:choose>
      <xsl:when test="ancestor::m:edition/@view = 'diplomatic'"><br class="lb"/></xsl:when>
      <xsl:when test="not(@join)"><xsl:text> </xsl:text></xsl:when>
    </xsl:choose>
  </xsl:template>
  <xsl:template match="m:break[@type = ('page', 'column')]" mode="h:r">
    <xsl:variable name="label" select="te:sign('page') || (if (@type = 'column') then ' col.' else '') || (@n ! (' ' || .))"/>
    <xsl:choose>
      <xsl:when test="@href"><a class="pb ed" href="{@href}" title="{@type} break">{$label}</a></xsl:when>
      <xsl:otherwise><span class="pb ed" title="{@type} break">{$label}</span></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <xsl:template match="m:break[@type = 'paragraph']" mode="h:r">
    <span class="pbreak ed" aria-hidden="true"></span>
  </xsl:template>
</xsl:stylesheet>
