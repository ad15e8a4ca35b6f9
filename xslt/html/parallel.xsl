<?xml version="1.0" encoding="UTF-8"?>
<!--
  Parallel witness view (parallel.html, built for documents with two or more witnesses): the witnesses
  side by side, one column each. Every text block (paragraph, salute, signature...) is cut at its
  apparatus entries: a row per stretch of common text, a row per entry with each witness's reading
  highlighted and a link to the entry in the edition built beside it that shows the apparatus (reading.html#<entry id>).
  The page shell (head, masthead, links to the other editions, colophon) is html-common.xsl's.
  Every reading comes from the shared model: the driver applies this stylesheet to the reading view and passes
  each witness's diplomatic view (View.WITNESSES); the texts are cut where the model marks an entry's reading
  (m:entry-start, m:entry-end).
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:m="https://teiedition.org/ns/model"
    xmlns:h="https://teiedition.org/ns/html"
    xmlns:te="https://teiedition.org/ns/functions"
    xmlns:par="https://teiedition.org/ns/parallel"
    xmlns:array="http://www.w3.org/2005/xpath-functions/array"
    exclude-result-prefixes="#all"
    expand-text="yes">

  <xsl:import href="html-common.xsl"/>

  <xsl:output method="html" html-version="5" encoding="UTF-8" include-content-type="no" indent="no"/>

  <!-- Private-use marks around an entry's reading: START id SEP reading END. -->
  <xsl:variable name="par:START" as="xs:string" select="'&#xE001;'"/>
  <xsl:variable name="par:SEP" as="xs:string" select="'&#xE002;'"/>
  <xsl:variable name="par:END" as="xs:string" select="'&#xE003;'"/>
  <!-- The blocks that become groups of rows (the outermost of them). -->
  <xsl:variable name="par:roles" as="xs:string+" select="('p', 'ab', 'l', 'head', 'salute', 'signed', 'dateline', 'byline', 'trailer', 'postscript', 'item')"/>

  <!-- Set by the driver (View.WITNESSES): every declared witness's diplomatic view, by witness id; the stylesheet is
       applied to the reading view. -->
  <xsl:param name="witness-views" as="map(xs:string, document-node())" select="map{}"/>

  <!-- The apparatus entries by id: one lookup per variant row, not a search of all entries. -->
  <xsl:key name="par:entry" match="m:apparatus/m:entry" use="@id"/>

  <xsl:template match="/">
    <xsl:call-template name="h:shell">
      <xsl:with-param name="model" select="."/>
    </xsl:call-template>
  </xsl:template>

  <!-- The shell's content (html-common.xsl): the table of witnesses. -->
  <xsl:template match="/" mode="h:main">
    <xsl:variable name="reading" select="m:edition"/>
    <xsl:variable name="wits" select="$reading/m:meta/m:witness"/>
    <xsl:variable name="views" select="$wits ! $witness-views(string(@id))/m:edition"/>
    <!-- an entry links to its place in an edition built beside this one that shows the apparatus -->
    <xsl:variable name="apparatus-file" select="$editions[?apparatus = 'true'][ends-with(?file, '.html')][1]?file"/>
        <main id="text">
          <div class="table-scroll" role="region" tabindex="0" aria-label="The witnesses side by side">
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
              <xsl:variable name="groups" select="$views ! array{par:groups(.)}"/>
              <xsl:for-each select="1 to array:size($groups[1])">
                <xsl:variable name="g" select="."/>
                <xsl:variable name="blocks" select="$groups ! .($g)"/>
                <xsl:variable name="first" select="$blocks[1]"/>
                <tr class="group">
                  <th colspan="{count($wits) + 1}" scope="rowgroup">
                    <xsl:if test="$first/@id"><xsl:attribute name="id" select="'par-' || $first/@id"/></xsl:if>
                    <xsl:value-of select="if ($first/@n) then '§' || $first/@n else par:role-label($first/@role)"/>
                  </th>
                </tr>
                <xsl:variable name="cut" select="$blocks ! array{par:pieces(.)}"/>
                <xsl:for-each select="1 to min($cut ! array:size(.))">
                  <xsl:variable name="k" select="."/>
                  <xsl:variable name="row" select="$cut ! .($k)"/>
                  <xsl:variable name="id" select="string($row[1]/@entry)"/>
                  <xsl:choose>
                    <xsl:when test="$id">
                      <xsl:variable name="entry" select="key('par:entry', $id, $reading/root())"/>
                      <tr class="variant {$entry/@kind}" id="v-{$id}">
                        <td class="entry">
                          <xsl:choose>
                            <xsl:when test="exists($apparatus-file)"><a href="{$apparatus-file}#{$id}" title="Apparatus entry {$entry/@letter}">{($entry/@letter, $id)[1]}</a></xsl:when>
                            <xsl:otherwise>{($entry/@letter, $id)[1]}</xsl:otherwise>
                          </xsl:choose>
                        </td>
                        <xsl:for-each select="$row">
                          <xsl:variable name="i" select="position()"/>
                          <td class="text" data-witness="{$wits[$i]/@id}">
                            <xsl:choose>
                              <xsl:when test="normalize-space(.)"><mark>{normalize-space(.)}</mark></xsl:when>
                              <xsl:otherwise><i class="om">{te:sign('omitted')}</i></xsl:otherwise>
                            </xsl:choose>
                          </td>
                        </xsl:for-each>
                      </tr>
                    </xsl:when>
                    <xsl:when test="some $r in $row satisfies normalize-space($r)">
                      <tr class="same">
                        <td class="entry"/>
                        <xsl:for-each select="$row">
                          <xsl:variable name="i" select="position()"/>
                          <td class="text" data-witness="{$wits[$i]/@id}">{normalize-space(.)}</td>
                        </xsl:for-each>
                      </tr>
                    </xsl:when>
                  </xsl:choose>
                </xsl:for-each>
              </xsl:for-each>
            </tbody>
          </table>
          </div>
        </main>
  </xsl:template>

  <!-- What a group of rows is called when it has no § number: the block's role in words. -->
  <xsl:function name="par:role-label" as="xs:string">
    <xsl:param name="role" as="xs:string"/>
    <xsl:sequence select="(map{'p': 'Paragraph', 'ab': 'Text block', 'l': 'Verse line', 'head': 'Heading', 'salute': 'Salutation',
        'signed': 'Signature', 'dateline': 'Place and date', 'byline': 'Byline', 'trailer': 'Trailer', 'postscript': 'Postscript',
        'item': 'List item'}($role), $role)[1]"/>
  </xsl:function>

  <!-- The outermost text blocks of a witness's model, in document order (the same for every witness). -->
  <xsl:function name="par:groups" as="element(m:block)*">
    <xsl:param name="view" as="element(m:edition)"/>
    <xsl:sequence select="$view/m:text//m:block[@role = $par:roles][not(ancestor::m:block[@role = $par:roles])]"/>
  </xsl:function>

  <!-- A block's text cut at the entry marks: par:piece elements, @entry on an entry's reading. -->
  <xsl:function name="par:pieces" as="element(par:piece)*">
    <xsl:param name="block" as="element(m:block)"/>
    <!-- a gap shows its sign; a line break without @join and a block boundary are word spaces -->
    <xsl:variable name="text" select="string-join($block//(text() | m:entry-start | m:entry-end | m:inline[@role = 'gap']
        | m:break[@type = ('line', 'paragraph')][not(@join)] | m:block) ! (
        if (self::m:entry-start) then $par:START || @entry || $par:SEP else if (self::m:entry-end) then $par:END
        else if (self::m:inline) then ' ' || te:sign('gap') || ' ' else if (self::m:break or self::m:block) then ' ' else string(.)), '')"/>
    <xsl:analyze-string select="$text" regex="{$par:START}(a[0-9]+){$par:SEP}([^{$par:START}{$par:END}]*){$par:END}">
      <xsl:matching-substring>
        <par:piece entry="{regex-group(1)}">{regex-group(2)}</par:piece>
      </xsl:matching-substring>
      <xsl:non-matching-substring>
        <par:piece>{replace(., '[' || $par:START || $par:SEP || $par:END || ']', '')}</par:piece>
      </xsl:non-matching-substring>
    </xsl:analyze-string>
  </xsl:function>
</xsl:stylesheet>
