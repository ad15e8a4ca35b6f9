<?xml version="1.0" encoding="UTF-8"?>
<!-- The corpus pages, made from the per-document summaries only (xslt/site/summary.xsl), never from document
     trees: the global context item is <corpus> with one <summary> per built document, in document-name order.
     Named templates: index, register (persons, places, organisations), search, sequence (prev/next as XML); search-index.js
     is made by org.teiedition.site.SearchIndex. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:map="http://www.w3.org/2005/xpath-functions/map"
  xmlns:te="https://teiedition.org/ns/functions" exclude-result-prefixes="#all" expand-text="yes">
  <xsl:import href="../common/functions.xsl"/>
  <xsl:output method="html" html-version="5" encoding="UTF-8" indent="no"/>
  <xsl:mode on-no-match="shallow-skip"/>
  <xsl:global-context-item as="document-node(element(corpus))"/>

  <xsl:variable name="docs" as="element(summary)*" select="/corpus/summary"/>
  <xsl:key name="mentions" match="summary" use="entity ! (@type || ' ' || @key)"/>
  <!-- Reading order: by date (undated last), then by name. -->
  <xsl:variable name="ordered" as="element(summary)*">
    <xsl:perform-sort select="$docs">
      <xsl:sort select="if (@date = '') then 1 else 0"/>
      <xsl:sort select="@date"/>
      <xsl:sort select="@id"/>
    </xsl:perform-sort>
  </xsl:variable>
  <xsl:variable name="position" as="map(xs:string, xs:integer)"
    select="map:merge(for $i in 1 to count($ordered) return map:entry(string($ordered[$i]/@id), $i))"/>
  <xsl:variable name="registers" as="map(xs:string, xs:string)"
    select="map{'person': 'persons', 'place': 'places', 'org': 'organisations'}"/>

  <!-- correspContext pointers name a document by its output name, its file name or its TEI/@xml:id (output names
       win); a file name is made an output name as org.teiedition.xml.OutputNames does. -->
  <xsl:variable name="aliases" as="map(xs:string, xs:string)" select="map:merge((
    $docs ! map:entry(string(@id), string(@id)),
    $docs[@xml-id != ''] ! map:entry(string(@xml-id), string(@id))), map{'duplicates': 'use-first'})"/>
  <xsl:function name="te:resolve" as="xs:string?">
    <xsl:param name="name" as="xs:string"/>
    <xsl:sequence select="($aliases($name), $aliases(replace(replace(replace(replace($name, '[^A-Za-z0-9._-]+', '-'),
      '\.{2,}', '.'), '^[.-]+', ''), '-+$', '')))[1]"/>
  </xsl:function>

  <!-- The letter before/after: a correspContext pointer to another document of this corpus, else the date order. -->
  <xsl:function name="te:neighbour" as="element(summary)?">
    <xsl:param name="s" as="element(summary)"/>
    <xsl:param name="dir" as="xs:string"/>
    <xsl:variable name="pointed" select="($s/*[local-name() = $dir] ! te:resolve(string(.))[. != $s/@id])[1]"/>
    <xsl:variable name="i" select="$position(string($s/@id)) + (if ($dir = 'prev') then -1 else 1)"/>
    <xsl:sequence select="if (exists($pointed)) then $ordered[$position($pointed)] else $ordered[$i]"/>
  </xsl:function>

  <xsl:function name="te:href" as="xs:string">
    <xsl:param name="s" as="element(summary)"/>
    <xsl:sequence select="encode-for-uri($s/@id) || '/' || encode-for-uri(($s/edition/@file, 'index.html')[1])"/>
  </xsl:function>

  <!-- For sorting and filtering: lower case, no diacritics (the scripts normalise the query the same way). -->
  <xsl:function name="te:fold" as="xs:string">
    <xsl:param name="s" as="xs:string?"/>
    <xsl:sequence select="lower-case(replace(normalize-unicode(string($s), 'NFKD'), '\p{M}+', ''))"/>
  </xsl:function>

  <!-- the absolute URL OUT is published at, ending in "/" (the base-url option): each page's canonical link -->
  <xsl:param name="base-url" as="xs:string?" select="()"/>

  <xsl:template name="page">
    <xsl:param name="title" as="xs:string"/>
    <xsl:param name="current" as="xs:string"/>
    <xsl:param name="content" as="node()*"/>
    <xsl:param name="script" as="xs:string*" select="()"/>
    <html lang="en">
      <head>
        <meta charset="UTF-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title>{$title}</title>
        <xsl:for-each select="$base-url"><link rel="canonical" href="{. || $current || '.html'}"/></xsl:for-each>
        <style>{unparsed-text('site.css', 'UTF-8')}</style>
      </head>
      <body>
        <nav aria-label="Corpus">
          <ul>
            <xsl:for-each select="'index', ('person', 'place', 'org') ! $registers(.), 'search'">
              <xsl:variable name="page" select="."/>
              <xsl:variable name="label" select="if (. = 'index') then 'Letters' else if (. = 'search') then 'Search'
                else te:register-heading(map:keys($registers)[$registers(.) = $page])"/>
              <li>
                <xsl:choose>
                  <xsl:when test=". = $current"><a href="{.}.html" aria-current="page">{$label}</a></xsl:when>
                  <xsl:otherwise><a href="{.}.html">{$label}</a></xsl:otherwise>
                </xsl:choose>
              </li>
            </xsl:for-each>
          </ul>
        </nav>
        <main>
          <h1>{$title}</h1>
          <xsl:sequence select="$content"/>
        </main>
        <xsl:if test="exists($script)"><script>{string-join($script ! unparsed-text(., 'UTF-8'), '&#10;')}</script></xsl:if>
      </body>
    </html>
  </xsl:template>

  <xsl:template name="index">
    <xsl:call-template name="page">
      <xsl:with-param name="title" select="'Letters'"/>
      <xsl:with-param name="current" select="'index'"/>
      <xsl:with-param name="script" select="'../html/assets/fold.js', 'index.js'"/>
      <xsl:with-param name="content">
        <xsl:variable name="all" select="count($docs) || ' document' || (if (count($docs) = 1) then '' else 's') || '.'"/>
        <p><label hidden="">Filter <input type="search" id="filter" autocomplete="off"/></label>
          <xsl:text> </xsl:text><span id="count" role="status" aria-live="polite" data-all="{$all}">{$all}</span></p>
        <table id="letters">
          <thead>
            <tr>
              <xsl:for-each select="('Date', 'Title', 'Sender', 'Recipient')">
                <!-- the rows come in date order: the table says so -->
                <th scope="col" data-sort-key="{lower-case(.)}">
                  <xsl:if test=". = 'Date'"><xsl:attribute name="aria-sort">ascending</xsl:attribute></xsl:if>{.}</th>
              </xsl:for-each>
              <th scope="col">Editions</th>
              <th scope="col">Previous · next</th>
            </tr>
          </thead>
          <tbody>
            <xsl:for-each select="$ordered">
              <xsl:variable name="prev" select="te:neighbour(., 'prev')"/>
              <xsl:variable name="next" select="te:neighbour(., 'next')"/>
              <tr id="{@id}" data-prev="{$prev/@id}" data-next="{$next/@id}">
                <td data-sort="{if (@date = '') then '~' else @date}" data-label="Date">{@date}</td>
                <td data-sort="{te:fold(title)}" data-label="Title"><a href="{te:href(.)}">{if (title = '') then @id else title}</a></td>
                <td data-sort="{te:fold(string-join(sender, '; '))}" data-label="Sender">{string-join(sender, '; ')}</td>
                <td data-sort="{te:fold(string-join(recipient, '; '))}" data-label="Recipient">{string-join(recipient, '; ')}</td>
                <td data-label="Editions">
                  <xsl:for-each select="edition">
                    <a href="{encode-for-uri(../@id)}/{encode-for-uri(@file)}">{(@label[. != ''], @name)[1]}</a>
                    <xsl:if test="position() != last()">{' · '}</xsl:if>
                  </xsl:for-each>
                </td>
                <td data-label="Previous · next">
                  <xsl:if test="$prev"><a rel="prev" href="#{$prev/@id}" title="{$prev/title}" aria-label="Previous: {$prev/title}">←</a></xsl:if>
                  <xsl:if test="$prev and $next">{' '}</xsl:if>
                  <xsl:if test="$next"><a rel="next" href="#{$next/@id}" title="{$next/title}" aria-label="Next: {$next/title}">→</a></xsl:if>
                </td>
              </tr>
            </xsl:for-each>
          </tbody>
        </table>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- One register over the corpus: entities grouped by key (authority id or xml:id), with the letters naming them. -->
  <xsl:template name="register">
    <xsl:param name="type" as="xs:string"/>
    <xsl:variable name="entities" select="$docs/entity[@type = $type]"/>
    <xsl:call-template name="page">
      <xsl:with-param name="title" select="te:register-heading($type)"/>
      <xsl:with-param name="current" select="$registers($type)"/>
      <xsl:with-param name="content">
        <xsl:choose>
          <xsl:when test="empty($entities)"><p>No {lower-case(te:register-heading($type))} are recorded.</p></xsl:when>
          <xsl:otherwise>
            <ul class="register">
              <xsl:for-each-group select="$entities" group-by="@key">
                <xsl:sort select="te:fold((current-group()/@label)[1])"/>
                <xsl:sort select="(current-group()/@label)[1]"/>
                <xsl:sort select="current-grouping-key()"/>
                <xsl:variable name="key" select="current-grouping-key()"/>
                <li id="{replace($key, '[^A-Za-z0-9_.-]', '_')}" data-key="{$key}">
                  <span class="name">{(current-group()/@label)[1]}</span>
                  <xsl:if test="not(starts-with($key, 'id:'))">{' '}<span class="authority">({$key})</span></xsl:if>
                  <ul>
                    <xsl:for-each select="key('mentions', $type || ' ' || $key)">
                      <xsl:sort select="$position(string(@id))"/>
                      <li><a href="{te:href(.)}">{if (title = '') then @id else title}</a>
                        <xsl:if test="@date != ''">{' '}<span class="date">({@date})</span></xsl:if></li>
                    </xsl:for-each>
                  </ul>
                </li>
              </xsl:for-each-group>
            </ul>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="search">
    <xsl:call-template name="page">
      <xsl:with-param name="title" select="'Search'"/>
      <xsl:with-param name="current" select="'search'"/>
      <xsl:with-param name="script" select="'../html/assets/fold.js', 'search.js'"/>
      <xsl:with-param name="content">
        <form id="search" role="search">
          <label>Words <input type="search" id="q" name="q" autocomplete="off"/></label>
          <button type="submit">Search</button>
        </form>
        <p id="status" role="status" aria-live="polite">The search needs JavaScript; the <a href="index.html">list of letters</a> works without it.</p>
        <ol id="results"></ol>
        <script src="search-index.js"></script>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- Per document its previous and next letter, with what their links need (org.teiedition.site.Sequence writes
     OUT/nav.json and OUT/<document>/nav.js from it). -->
  <xsl:template name="sequence">
    <sequence>
      <xsl:for-each select="$docs">
        <doc id="{@id}" html="{exists(edition[ends-with(@file, '.html')])}">
          <xsl:sequence select="te:neighbour(., 'prev') ! te:neighbour-record(., 'prev'),
                                te:neighbour(., 'next') ! te:neighbour-record(., 'next')"/>
        </doc>
      </xsl:for-each>
    </sequence>
  </xsl:template>

  <xsl:function name="te:neighbour-record" as="element()">
    <xsl:param name="s" as="element(summary)"/>
    <xsl:param name="dir" as="xs:string"/>
    <xsl:element name="{$dir}">
      <xsl:attribute name="id" select="$s/@id"/>
      <xsl:attribute name="title" select="if ($s/title = '') then $s/@id else $s/title"/>
      <xsl:attribute name="date" select="$s/@date"/>
      <xsl:for-each select="$s/edition"><file>{@file}</file></xsl:for-each>
    </xsl:element>
  </xsl:function>
</xsl:stylesheet>
