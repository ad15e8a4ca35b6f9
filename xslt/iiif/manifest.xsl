<?xml version="1.0" encoding="UTF-8"?>
<!-- A IIIF Presentation 3 manifest of the diplomatic view: a canvas per surface of the model's m:facsimile whose
     size is known (declared by the surface or its graphic, or read from the copied image), the surface's image as
     its painting annotation, and the transcription as W3C annotations ("supplementing", TextualBody) per line and
     per element that points to a zone: the text of a line runs from its line break to the next line or page break.
     Ids are absolute under the build's base URL (<base>/<document>/manifest.json, .../canvas/f1, as IIIF requires),
     relative to the manifest without one (manifest.json, canvas/f1 ...: the folder can still be served anywhere),
     unless a canvas is a IIIF canvas the TEI names, whose id is kept so that the annotations attach to it. Written through xml-to-json: keys in a fixed order. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    xmlns:j="http://www.w3.org/2005/xpath-functions"
    xmlns:m="https://teiedition.org/ns/model"
    xmlns:te="https://teiedition.org/ns/functions"
    xmlns:iiif="https://teiedition.org/ns/iiif"
    exclude-result-prefixes="#all"
    expand-text="yes">

  <xsl:import href="../common/functions.xsl"/>

  <xsl:output method="text" encoding="UTF-8"/>

  <xsl:param name="edition" as="xs:string" select="'iiif'"/>
  <xsl:param name="facsimile-images" as="map(xs:string, map(xs:string, xs:string))" select="map{}"/>
  <!-- Set by the driver (EditionRenderer), as for the HTML editions: the document's folder in OUT and the absolute URL
       OUT is published at (ending in "/"; absent: no base URL, ids relative to the manifest). -->
  <xsl:param name="document" as="xs:string?" select="()"/>
  <xsl:param name="base-url" as="xs:string?" select="()"/>

  <xsl:mode on-no-match="fail"/>
  <xsl:template match="/">
    <xsl:variable name="json" as="element(j:map)">
      <xsl:apply-templates select="m:edition" mode="iiif:manifest"/>
    </xsl:variable>
    <xsl:value-of select="replace(xml-to-json($json, map{'indent': true()}), '\\/', '/')"/>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <xsl:mode name="iiif:manifest" on-no-match="fail"/>
  <xsl:template match="m:edition" mode="iiif:manifest">
    <xsl:variable name="lang" select="string(@lang)"/>
    <!-- the transcription's lines grouped by surface once (a filter per surface would read every line for every page) -->
    <xsl:variable name="lines" as="map(xs:string, element(iiif:line)*)"
        select="map:merge(iiif:annotations(.) ! map{string(@surface): .}, map{'duplicates': 'combine'})"/>
    <j:map>
      <j:string key="@context">http://iiif.io/api/presentation/3/context.json</j:string>
      <j:string key="id">{iiif:id('manifest.json')}</j:string>
      <j:string key="type">Manifest</j:string>
      <xsl:sequence select="iiif:label(string(m:meta/m:title), $lang)"/>
      <xsl:if test="m:meta/m:licence/@href"><j:string key="rights">{m:meta/m:licence/@href}</j:string></xsl:if>
      <xsl:if test="m:facsimile/@manifest">
        <j:array key="seeAlso"><j:map><j:string key="id">{m:facsimile/@manifest}</j:string><j:string key="type">Manifest</j:string></j:map></j:array>
      </xsl:if>
      <j:array key="items">
        <xsl:for-each select="m:facsimile/m:surface[iiif:size(.)[1] gt 0]">
          <xsl:variable name="img" select="$facsimile-images(string(@id))"/>
          <xsl:variable name="canvas" select="iiif:canvas-id(.)"/>
          <xsl:variable name="size" select="iiif:size(.)"/>
          <j:map>
            <j:string key="id">{$canvas}</j:string>
            <j:string key="type">Canvas</j:string>
            <xsl:sequence select="iiif:label('Page ' || (@n, position())[1], 'en')"/>
            <j:number key="height">{$size[2]}</j:number>
            <j:number key="width">{$size[1]}</j:number>
            <j:array key="items">
              <j:map>
                <j:string key="id">{iiif:own(.)}/page</j:string>
                <j:string key="type">AnnotationPage</j:string>
                <j:array key="items">
                  <xsl:if test="$img?src != ''">
                    <j:map>
                      <j:string key="id">{iiif:own(.)}/image</j:string>
                      <j:string key="type">Annotation</j:string>
                      <j:string key="motivation">painting</j:string>
                      <j:map key="body">
                        <j:string key="id">{if (matches($img?src, '^[a-z][a-z0-9+.-]*:', 'i')) then $img?src else iiif:id($img?src)}</j:string>
                        <j:string key="type">Image</j:string>
                        <j:string key="format">{if (matches($img?src, '\.png$', 'i')) then 'image/png' else if (matches($img?src, '\.gif$', 'i')) then 'image/gif' else 'image/jpeg'}</j:string>
                        <xsl:if test="$img?image-width != '0'">
                          <j:number key="height">{$img?image-height}</j:number>
                          <j:number key="width">{$img?image-width}</j:number>
                        </xsl:if>
                        <xsl:if test="$img?service != ''">
                          <j:array key="service"><j:map>
                            <j:string key="id">{$img?service}</j:string>
                            <j:string key="type">ImageService3</j:string>
                            <j:string key="profile">level1</j:string>
                          </j:map></j:array>
                        </xsl:if>
                      </j:map>
                      <j:string key="target">{$canvas}</j:string>
                    </j:map>
                  </xsl:if>
                </j:array>
              </j:map>
            </j:array>
            <xsl:variable name="mine" select="$lines(string(@id))"/>
            <xsl:if test="exists($mine)">
              <j:array key="annotations">
                <j:map>
                  <j:string key="id">{iiif:own(.)}/transcription</j:string>
                  <j:string key="type">AnnotationPage</j:string>
                  <j:array key="items">
                    <xsl:for-each select="$mine">
                      <j:map>
                        <j:string key="id">{iiif:id('canvas/' || @surface || '/line/' || position())}</j:string>
                        <j:string key="type">Annotation</j:string>
                        <j:string key="motivation">supplementing</j:string>
                        <j:map key="body">
                          <j:string key="type">TextualBody</j:string>
                          <j:string key="value">{.}</j:string>
                          <j:string key="format">text/plain</j:string>
                          <j:string key="language">{$lang}</j:string>
                        </j:map>
                        <j:string key="target">{$canvas}<xsl:if test="@xywh">#xywh={@xywh}</xsl:if></j:string>
                      </j:map>
                    </xsl:for-each>
                  </j:array>
                </j:map>
              </j:array>
            </xsl:if>
          </j:map>
        </xsl:for-each>
      </j:array>
    </j:map>
  </xsl:template>

  <xsl:key name="iiif:surface" match="m:surface" use="@id"/>
  <xsl:key name="iiif:zone" match="m:zone" use="@id"/>

  <xsl:function name="iiif:label" as="element(j:map)">
    <xsl:param name="text" as="xs:string"/>
    <xsl:param name="lang" as="xs:string"/>
    <j:map key="label"><j:array key="{($lang[. != ''], 'none')[1]}"><j:string>{$text}</j:string></j:array></j:map>
  </xsl:function>

  <!-- The canvas's width and height: its coordinate space (0 0 when unknown: no canvas). -->
  <xsl:function name="iiif:size" as="xs:integer+">
    <xsl:param name="s" as="element(m:surface)"/>
    <xsl:variable name="img" select="$facsimile-images(string($s/@id))"/>
    <xsl:sequence select="if (exists($img)) then (xs:integer($img?width), xs:integer($img?height)) else (0, 0)"/>
  </xsl:function>

  <!-- An id made here, from its path in the document's folder: absolute with a base URL, else relative. -->
  <xsl:function name="iiif:id" as="xs:string">
    <xsl:param name="path" as="xs:string"/>
    <xsl:sequence select="(te:published-url($base-url, $document, $path), $path)[1]"/>
  </xsl:function>

  <xsl:function name="iiif:own" as="xs:string">
    <xsl:param name="s" as="element(m:surface)"/>
    <xsl:sequence select="iiif:id('canvas/' || $s/@id)"/>
  </xsl:function>

  <!-- A canvas the TEI names (graphic/@url or surface/@sameAs) keeps its id; otherwise one of this manifest's. -->
  <xsl:function name="iiif:canvas-id" as="xs:string">
    <xsl:param name="s" as="element(m:surface)"/>
    <xsl:sequence select="(($s/m:graphic[@kind = 'iiif-canvas']/@url) ! replace(., '#.*$', ''), iiif:own($s))[1]"/>
  </xsl:function>

  <!-- The transcription's annotations: iiif:line @surface @xywh (in canvas coordinates, absent for a whole
       surface) with the text of each line that points to a zone and of each element that points to one. -->
  <xsl:function name="iiif:annotations" as="element(iiif:line)*">
    <xsl:param name="e" as="element(m:edition)"/>
    <xsl:for-each-group select="$e/m:text//(m:break | text())" group-starting-with="m:break">
      <xsl:variable name="b" select="current-group()[1][self::m:break[@type = 'line'][@facs]]"/>
      <xsl:if test="$b">
        <xsl:sequence select="iiif:line(tokenize($b/@facs)[1], normalize-space(string-join(current-group()[self::text()], '')), $e)"/>
      </xsl:if>
    </xsl:for-each-group>
    <xsl:for-each select="$e/m:text//(m:block | m:inline)[@facs]">
      <xsl:sequence select="iiif:line(tokenize(@facs)[1], normalize-space(.), $e)"/>
    </xsl:for-each>
  </xsl:function>

  <xsl:function name="iiif:line" as="element(iiif:line)?">
    <xsl:param name="to" as="xs:string"/>
    <xsl:param name="text" as="xs:string"/>
    <xsl:param name="e" as="element(m:edition)"/>
    <xsl:variable name="zone" select="key('iiif:zone', $to, root($e))[@ulx]"/>
    <xsl:variable name="surface" select="($zone/.., key('iiif:surface', $to, root($e)))[1]"/>
    <xsl:if test="$text != '' and $surface">
      <iiif:line surface="{$surface/@id}">
        <xsl:if test="$zone">
          <xsl:variable name="x0" select="number(($surface/@ulx, 0)[1])"/>
          <xsl:variable name="y0" select="number(($surface/@uly, 0)[1])"/>
          <xsl:attribute name="xywh" select="string-join((round(number($zone/@ulx) - $x0), round(number($zone/@uly) - $y0),
              round(number($zone/@lrx) - number($zone/@ulx)), round(number($zone/@lry) - number($zone/@uly))) ! string(xs:integer(.)), ',')"/>
        </xsl:if>
        <xsl:value-of select="$text"/>
      </iiif:line>
    </xsl:if>
  </xsl:function>
</xsl:stylesheet>
