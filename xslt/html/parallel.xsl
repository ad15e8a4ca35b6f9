<?xml version="1.0" encoding="UTF-8"?>
<!--
  Parallel witness view (parallel.html, built for documents with two or more witnesses): the witnesses
  side by side, one column each. Every text block (paragraph, salute, signature...) is cut at its
  apparatus entries: a row per stretch of common text, a row per entry with each witness's reading
  highlighted and a link to the entry in the reading edition (reading.html#<entry id>).
  Every reading comes from the shared model: the driver applies this stylesheet to the reading view and passes
  each witness's diplomatic view (View.WITNESSES); the texts are cut where the model marks an entry's reading
  (m:entry-start, m:entry-end).
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:m="https://teiedition.org/ns/model"
    xmlns:h="https://teiedition.org/ns/html"
    xmlns:p="https://teiedition.org/ns/parallel"
    xmlns:array="http://www.w3.org/2005/xpath-functions/array"
    exclude-result-prefixes="#all"
    expand-text="yes">

  <xsl:import href="html-common.xsl"/>

  <xsl:output method="html" html-version="5" encoding="UTF-8" include-content-type="no" indent="no"/>

  <!-- Private-use marks around an entry's reading: START id SEP reading END. -->
  <xsl:variable name="p:START" as="xs:string" select="'&#xE001;'"/>
  <xsl:variable name="p:SEP" as="xs:string" select="'&#xE002;'"/>
  <xsl:variable name="p:END" as="xs:string" select="'&#xE003;'"/>
  <!-- The blocks that become groups of rows (the outermost of them). -->
  <xsl:variable name="p:roles" as="xs:string+" select="('p', 'ab', 'l', 'head', 'salute', 'signed', 'dateline', 'byline', 'trailer', 'postscript', 'item')"/>

  <!-- Set by the driver (View.WITNESSES): every declared witness's diplomatic view, by witness id; the stylesheet is
       applied to the reading view. -->
  <xsl:param name="witness-views" as="map(xs:string, document-node())" select="map{}"/>

  <!-- The apparatus entries by id: one lookup per variant row, not a search of all entries. -->
  <xsl:key name="p:entry" match="m:apparatus/m:entry" use="@id"/>

  <xsl:template match="/">
    <xsl:variable name="reading" select="m:edition"/>
    <xsl:variable name="wits" select="$reading/m:meta/m:witness"/>
    <xsl:variable name="views" select="$wits ! $witness-views(string(@id))/m:edition"/>
    <xsl:variable name="title" select="string($reading/m:meta/m:title)"/>
    <html lang="{$reading/@lang}">
      <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <meta name="generator" content="tei-edition"/>
        <title>{$title} · Parallel witnesses</title>
        <style>{$h:css}
table.parallel {{ width: 100%; table-layout: fixed; margin: 1em 0; }}
table.parallel th, table.parallel td {{ border-bottom: 1px solid #ddd; padding: .3em .6em; text-align: left; }}
table.parallel th.entry, table.parallel td.entry {{ width: 3.5em; }}
table.parallel tr.group th {{ background: #f4f1ea; font-weight: normal; }}
table.parallel tr.variant td.wit {{ background: #fff8e1; }}
table.parallel mark {{ background: #ffe08a; }}</style>
      </head>
      <body class="parallel">
        <header class="masthead">
          <nav class="editions" aria-label="Editions">
            <a href="reading.html">Reading edition</a>
            <xsl:text> </xsl:text>
            <a href="diplomatic.html">Diplomatic edition</a>
            <xsl:text> </xsl:text>
            <a href="parallel.html" aria-current="page">Parallel witnesses</a>
          </nav>
          <p class="kind">Parallel witnesses</p>
          <h1>{$title}</h1>
          <xsl:call-template name="h:corpus-sequence"><xsl:with-param name="file" select="'parallel.html'"/></xsl:call-template>
        </header>
        <main id="text">
          <table class="parallel">
            <thead>
              <tr>
                <th scope="col" class="entry">Entry</th>
                <xsl:for-each select="$wits">
                  <th scope="col" class="wit" data-witness="{@id}"><xsl:if test="normalize-space()"><xsl:attribute name="title" select="normalize-space()"/></xsl:if>{@siglum}</th>
                </xsl:for-each>
              </tr>
            </thead>
            <tbody>
              <xsl:variable name="groups" select="$views ! array{p:groups(.)}"/>
              <xsl:for-each select="1 to array:size($groups[1])">
                <xsl:variable name="g" select="."/>
                <xsl:variable name="blocks" select="$groups ! .($g)"/>
                <xsl:variable name="first" select="$blocks[1]"/>
                <tr class="group">
                  <th colspan="{count($wits) + 1}" scope="rowgroup">
                    <xsl:if test="$first/@id"><xsl:attribute name="id" select="'par-' || $first/@id"/></xsl:if>
                    <xsl:value-of select="if ($first/@n) then '§' || $first/@n else $first/@role"/>
                  </th>
                </tr>
                <xsl:variable name="cut" select="$blocks ! array{p:pieces(.)}"/>
                <xsl:for-each select="1 to min($cut ! array:size(.))">
                  <xsl:variable name="k" select="."/>
                  <xsl:variable name="row" select="$cut ! .($k)"/>
                  <xsl:variable name="id" select="string($row[1]/@entry)"/>
                  <xsl:choose>
                    <xsl:when test="$id">
                      <xsl:variable name="entry" select="key('p:entry', $id, $reading/root())"/>
                      <tr class="variant {$entry/@kind}" id="v-{$id}">
                        <td class="entry"><a href="reading.html#{$id}" title="Apparatus entry {$entry/@letter} in the reading edition">{($entry/@letter, $id)[1]}</a></td>
                        <xsl:for-each select="$row">
                          <xsl:variable name="i" select="position()"/>
                          <td class="wit" data-witness="{$wits[$i]/@id}">
                            <xsl:if test="normalize-space(.)"><mark>{normalize-space(.)}</mark></xsl:if>
                          </td>
                        </xsl:for-each>
                      </tr>
                    </xsl:when>
                    <xsl:when test="some $r in $row satisfies normalize-space($r)">
                      <tr class="same">
                        <td class="entry"/>
                        <xsl:for-each select="$row">
                          <td class="wit">{normalize-space(.)}</td>
                        </xsl:for-each>
                      </tr>
                    </xsl:when>
                  </xsl:choose>
                </xsl:for-each>
              </xsl:for-each>
            </tbody>
          </table>
        </main>
      </body>
    </html>
  </xsl:template>

  <!-- The outermost text blocks of a witness's model, in document order (the same for every witness). -->
  <xsl:function name="p:groups" as="element(m:block)*">
    <xsl:param name="view" as="element(m:edition)"/>
    <xsl:sequence select="$view/m:text//m:block[@role = $p:roles][not(ancestor::m:block[@role = $p:roles])]"/>
  </xsl:function>

  <!-- A block's text cut at the entry marks: p:piece elements, @entry on an entry's reading. -->
  <xsl:function name="p:pieces" as="element(p:piece)*">
    <xsl:param name="block" as="element(m:block)"/>
    <xsl:variable name="text" select="string-join($block//(text() | m:entry-start | m:entry-end) ! (
        if (self::m:entry-start) then $p:START || @entry || $p:SEP else if (self::m:entry-end) then $p:END else string(.)), '')"/>
    <xsl:analyze-string select="$text" regex="{$p:START}(a[0-9]+){$p:SEP}([^{$p:START}{$p:END}]*){$p:END}">
      <xsl:matching-substring>
        <p:piece entry="{regex-group(1)}">{regex-group(2)}</p:piece>
      </xsl:matching-substring>
      <xsl:non-matching-substring>
        <p:piece>{replace(., '[' || $p:START || $p:SEP || $p:END || ']', '')}</p:piece>
      </xsl:non-matching-substring>
    </xsl:analyze-string>
  </xsl:function>
</xsl:stylesheet>
