<?xml version="1.0" encoding="UTF-8"?>
<!--
  The facsimile facts of the shared model (included by model.xsl): every TEI way of naming the images of the source,
  resolved once per view into m:facsimile (documented in xslt/README.md) and @facs on the model's breaks, blocks and
  inlines. Renderers never read TEI's pointers themselves.

  Surfaces: facsimile//surface (its zones at any depth), a graphic directly in facsimile (a surface of its own), and
  an image named only by an @facs in the text (a URL or a relative path): one surface per distinct name, after the
  declared ones, in document order. A pointer resolves by "#id" (surface, zone or graphic), by a graphic's @url
  ("Hs-30885,22_001" in a Schnitzler letter names the graphic whose url it is) or, failing both, as an image name.
  A "#id" that names nothing, or a pointer with a scheme other than http(s), is an m:problem, located by path().
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

  <!-- The declared surfaces: surface elements and graphics standing directly in a facsimile or surfaceGrp. -->
  <xsl:function name="te:facs-surfaces" as="element()*">
    <xsl:param name="doc" as="document-node()"/>
    <xsl:sequence select="$doc//tei:facsimile//(tei:surface | tei:graphic[not(ancestor::tei:surface)])"/>
  </xsl:function>

  <!-- The pointers of the text (@facs on any element of the text). -->
  <xsl:function name="te:facs-pointers" as="attribute()*">
    <xsl:param name="doc" as="document-node()"/>
    <xsl:sequence select="$doc//tei:text[not(ancestor::tei:text)]//@facs"/>
  </xsl:function>

  <!-- An image name a pointer or a graphic may carry: http(s) or a relative reference without a scheme. -->
  <xsl:function name="te:facs-name-ok" as="xs:boolean">
    <xsl:param name="v" as="xs:string"/>
    <xsl:sequence select="not(matches($v, '^[A-Za-z][A-Za-z0-9+.\-]*:')) and not(starts-with($v, '\')) and not(starts-with($v, '/'))
                          or matches($v, '^https?://', 'i')"/>
  </xsl:function>

  <!-- The index of one document's facsimile, made once per model: 'surfaces' (the TEI elements, declared then one
       per implicit image name as a string), 'ids' (generate-id of a surface or zone -> model id), 'tokens' (pointer
       token -> model id). -->
  <xsl:function name="te:facs-index" as="map(*)">
    <xsl:param name="doc" as="document-node()"/>
    <xsl:variable name="declared" select="te:facs-surfaces($doc)"/>
    <xsl:variable name="ids" as="map(*)" select="map:merge(
        for $i in 1 to count($declared) return (
          map:entry(generate-id($declared[$i]), 'f' || $i),
          let $zs := $declared[$i]//tei:zone return for $j in 1 to count($zs) return map:entry(generate-id($zs[$j]), 'f' || $i || 'z' || $j)))"/>
    <xsl:variable name="by-id" as="map(*)" select="map:merge((
        for $i in 1 to count($declared), $e in ($declared[$i]/descendant-or-self::*[self::tei:surface | self::tei:zone | self::tei:graphic][@xml:id])
          return map:entry('#' || normalize-space($e/@xml:id),
                           if ($e/self::tei:zone) then $ids(generate-id($e)) else 'f' || $i),
        for $i in 1 to count($declared), $u in $declared[$i]/descendant-or-self::tei:graphic/@url[not(ancestor::tei:zone)]
          return map:entry(normalize-space($u), 'f' || $i)), map{'duplicates': 'use-first'})"/>
    <xsl:variable name="implicit" select="distinct-values(te:facs-pointers($doc) ! tokenize(.)
        [not(starts-with(., '#')) and not(map:contains($by-id, .)) and te:facs-name-ok(.)])"/>
    <xsl:variable name="n" select="count($declared)"/>
    <xsl:sequence select="map{
        'surfaces': ($declared, $implicit),
        'ids': $ids,
        'tokens': map:merge(($by-id, for $k in 1 to count($implicit) return map:entry($implicit[$k], 'f' || $n + $k)))}"/>
  </xsl:function>

  <!-- @facs of the context element as the model ids it points to (those that resolve). -->
  <xsl:template name="te:facs-attr">
    <xsl:param name="idx" as="map(*)?" tunnel="yes"/>
    <xsl:if test="@facs and exists($idx?facs)">
      <xsl:variable name="to" select="distinct-values(tokenize(@facs) ! $idx?facs?tokens(.))"/>
      <xsl:if test="exists($to)"><xsl:attribute name="facs" select="$to"/></xsl:if>
    </xsl:if>
  </xsl:template>

  <!-- An element with @facs that has no rule of its own keeps its place as an inline (its content as before). -->
  <xsl:template match="tei:text//*[@facs][not(self::tei:lb | self::tei:pb | self::tei:cb)]" mode="m:text" priority="-0.4">
    <m:inline role="hi">
      <xsl:call-template name="te:attrs"/>
      <xsl:apply-templates mode="m:text"/>
    </m:inline>
  </xsl:template>

  <!-- What a URL or path names: a IIIF Image API service (info.json, or a /iiif/ path without a file extension),
       a IIIF Presentation manifest or canvas, a remote image (http/https) or a file relative to the document. -->
  <xsl:function name="te:facs-kind" as="xs:string">
    <xsl:param name="url" as="xs:string"/>
    <xsl:variable name="path" select="replace($url, '[?#].*$', '')"/>
    <xsl:sequence select="
        if (not(matches($url, '^https?://', 'i'))) then 'file'
        else if (ends-with($path, '/info.json')) then 'iiif-image'
        else if (matches($path, '(^|/|[._-])manifest(\.json)?$', 'i')) then 'iiif-manifest'
        else if (matches($path, '/canvas(es)?/[^/]+$', 'i') or matches($url, '#xywh=')) then 'iiif-canvas'
        else if (matches($path, '/iiif/') and not(matches($path, '\.[A-Za-z0-9]{2,4}$'))) then 'iiif-image'
        else 'url'"/>
  </xsl:function>

  <!-- One image of a surface: m:graphic @url @kind (@service for an Image API service) @width @height (pixels,
       when the graphic declares them) @path. -->
  <xsl:function name="te:facs-graphic" as="element(m:graphic)?">
    <xsl:param name="url" as="xs:string"/>
    <xsl:param name="g" as="element()?"/>
    <xsl:variable name="kind" select="te:facs-kind($url)"/>
    <m:graphic url="{$url}" kind="{$kind}">
      <xsl:if test="$kind = 'iiif-image'"><xsl:attribute name="service" select="replace(replace($url, '[?#].*$', ''), '/info\.json$', '')"/></xsl:if>
      <xsl:for-each select="$g/(@width, @height)[matches(normalize-space(.), '^\d+(\.\d+)?(px)?$')]">
        <xsl:attribute name="{local-name()}" select="replace(normalize-space(.), 'px$', '')"/>
      </xsl:for-each>
      <xsl:if test="$g"><xsl:attribute name="path" select="path($g)"/></xsl:if>
    </m:graphic>
  </xsl:function>

  <!-- Web formats first: of a surface's graphics (a TIFF master and a JPEG, say) the page shows the first that
       can be shown. -->
  <xsl:function name="te:facs-order" as="xs:integer">
    <xsl:param name="url" as="xs:string"/>
    <xsl:sequence select="if (matches($url, '\.(tiff?|jp2)$', 'i')) then 2 else 1"/>
  </xsl:function>

  <!-- The coordinates of a zone or surface: @ulx @uly @lrx @lry, or the box around @points (kept as @points). -->
  <xsl:template name="te:facs-coords">
    <xsl:variable name="num" select="'^-?\d+(\.\d+)?$'"/>
    <xsl:choose>
      <xsl:when test="count((@ulx, @uly, @lrx, @lry)) = 4 and (every $a in (@ulx, @uly, @lrx, @lry) satisfies matches(normalize-space($a), $num))">
        <xsl:for-each select="@ulx, @uly, @lrx, @lry"><xsl:attribute name="{local-name()}" select="number(normalize-space(.))"/></xsl:for-each>
      </xsl:when>
      <xsl:when test="@points">
        <xsl:variable name="xy" select="tokenize(normalize-space(@points)) ! tokenize(., ',')"/>
        <xsl:if test="count($xy) ge 6 and count($xy) mod 2 = 0 and (every $v in $xy satisfies matches($v, $num))">
          <xsl:variable name="x" select="for $i in 1 to count($xy) return number($xy[$i])[$i mod 2 = 1]"/>
          <xsl:variable name="y" select="for $i in 1 to count($xy) return number($xy[$i])[$i mod 2 = 0]"/>
          <xsl:attribute name="ulx" select="min($x)"/><xsl:attribute name="uly" select="min($y)"/>
          <xsl:attribute name="lrx" select="max($x)"/><xsl:attribute name="lry" select="max($y)"/>
          <xsl:attribute name="points" select="string-join(for $i in 1 to count($x) return $x[$i] || ',' || $y[$i], ' ')"/>
        </xsl:if>
      </xsl:when>
    </xsl:choose>
  </xsl:template>

  <!-- m:facsimile: the surfaces in order with their images and zones, and the pointers that resolve to nothing. -->
  <xsl:function name="te:facsimile-model" as="element(m:facsimile)?">
    <xsl:param name="doc" as="document-node()"/>
    <xsl:param name="fx" as="map(*)"/>
    <xsl:variable name="surfaces" select="$fx?surfaces"/>
    <xsl:if test="exists($surfaces) or exists(te:facs-pointers($doc))">
      <m:facsimile>
        <xsl:for-each select="($doc//tei:facsimile/@sameAs ! tokenize(.))[te:facs-kind(.) = 'iiif-manifest'][1]">
          <xsl:attribute name="manifest" select="."/>
        </xsl:for-each>
        <xsl:for-each select="$surfaces">
          <xsl:variable name="i" select="position()"/>
          <xsl:choose>
            <xsl:when test=". instance of xs:string">
              <m:surface id="f{$i}">
                <xsl:sequence select="te:facs-graphic(., ())"/>
              </m:surface>
            </xsl:when>
            <xsl:otherwise>
              <xsl:variable name="s" select="."/>
              <m:surface id="f{$i}" path="{path(.)}">
                <xsl:for-each select="@n"><xsl:attribute name="n" select="normalize-space()"/></xsl:for-each>
                <xsl:for-each select="(tei:label, tei:desc, tei:head)[1][normalize-space()]"><xsl:attribute name="label" select="normalize-space()"/></xsl:for-each>
                <xsl:if test="self::tei:surface"><xsl:call-template name="te:facs-coords"/></xsl:if>
                <xsl:for-each select="descendant-or-self::tei:graphic[not(ancestor::tei:zone)][te:facs-name-ok(normalize-space(@url))]">
                  <xsl:sort select="te:facs-order(normalize-space(@url))"/>
                  <xsl:sequence select="te:facs-graphic(normalize-space(@url), .)"/>
                </xsl:for-each>
                <xsl:for-each select="@sameAs ! tokenize(.)[te:facs-kind(.) = 'iiif-canvas']">
                  <xsl:sequence select="te:facs-graphic(., ())"/>
                </xsl:for-each>
                <xsl:for-each select="$s//tei:zone">
                  <m:zone id="{$fx?ids(generate-id(.))}" path="{path(.)}">
                    <xsl:for-each select="@n"><xsl:attribute name="n" select="normalize-space()"/></xsl:for-each>
                    <xsl:call-template name="te:facs-coords"/>
                  </m:zone>
                </xsl:for-each>
              </m:surface>
            </xsl:otherwise>
          </xsl:choose>
        </xsl:for-each>
        <xsl:for-each select="te:facs-pointers($doc)">
          <xsl:variable name="a" select="."/>
          <xsl:for-each select="tokenize(.)[not(map:contains($fx?tokens, .))]">
            <m:problem path="{path($a/..)}">@facs "{.}" points nowhere: {
              if (starts-with(., '#')) then 'no surface, zone or graphic of the facsimile has the id ' || substring(., 2)
              else 'only http(s) URLs and paths relative to the document name images'}</m:problem>
          </xsl:for-each>
        </xsl:for-each>
        <xsl:for-each select="$doc//tei:facsimile//tei:graphic[normalize-space(@url)][not(te:facs-name-ok(normalize-space(@url)))]">
          <m:problem path="{path(.)}">graphic url "{normalize-space(@url)}" is not used: only http(s) URLs and paths relative to the document name images</m:problem>
        </xsl:for-each>
      </m:facsimile>
    </xsl:if>
  </xsl:function>
</xsl:stylesheet>
