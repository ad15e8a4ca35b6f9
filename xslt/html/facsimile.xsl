<?xml version="1.0" encoding="UTF-8"?>
<!-- The facsimile edition: the diplomatic view (the page shell and text of page.xsl) with each page's image beside
     its text. The model says which surface, zone and image every page break, line and element points to
     (m:facsimile, @facs); the driver says where each surface's image is (facsimile-images: copied into
     facsimile/ beside this page, or a remote URL, linked). assets/facsimile.js keeps the image in step with the
     text, zooms and pans, and highlights a line's zone and a zone's line; without it every page's image is shown
     in order and each line marker links to its zone. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    xmlns:h="https://teiedition.org/ns/html"
    xmlns:m="https://teiedition.org/ns/model"
    xmlns:fx="https://teiedition.org/ns/facsimile"
    exclude-result-prefixes="#all"
    expand-text="yes">

  <xsl:import href="page.xsl"/>

  <!-- surface id -> map{src, kind (file | url | iiif-image | none), width, height (its coordinate space, "0" when
       unknown), service, link (a IIIF manifest or canvas)} -->
  <xsl:param name="facsimile-images" as="map(xs:string, map(xs:string, xs:string))" select="map{}"/>

  <xsl:variable name="h:facsimile-css" static="yes" as="xs:string" select="unparsed-text(resolve-uri('assets/facsimile.css', static-base-uri()), 'UTF-8')"/>
  <xsl:variable name="h:facsimile-js" static="yes" as="xs:string" select="unparsed-text(resolve-uri('assets/facsimile.js', static-base-uri()), 'UTF-8')"/>
  <xsl:variable name="h:css" as="xs:string" select="$h:edition-css || $h:facsimile-css"/>
  <xsl:variable name="h:js" as="xs:string" select="$h:edition-js || $h:facsimile-js"/>

  <!-- The page's content as the diplomatic edition has it, and the viewer beside it. -->
  <xsl:template match="/" mode="h:main" priority="1">
    <xsl:variable name="main" as="node()*"><xsl:next-match/></xsl:variable>
    <div class="fx-layout">
      <div class="fx-text">
        <xsl:sequence select="$main"/>
      </div>
      <xsl:apply-templates select="m:edition/m:facsimile" mode="fx:viewer"/>
    </div>
  </xsl:template>

  <xsl:mode name="fx:viewer" on-no-match="shallow-skip"/>
  <xsl:template match="m:facsimile" mode="fx:viewer">
    <aside class="fx-viewer" id="facsimile" aria-label="Facsimile">
      <div class="fx-tools" role="toolbar" aria-label="Facsimile controls">
        <button type="button" data-fx="prev" aria-label="Previous page">◀</button>
        <span class="fx-where" aria-live="polite"></span>
        <button type="button" data-fx="next" aria-label="Next page">▶</button>
        <button type="button" data-fx="zoom-in" aria-label="Zoom in">+</button>
        <button type="button" data-fx="zoom-out" aria-label="Zoom out">−</button>
        <button type="button" data-fx="reset" aria-label="Fit the page">Fit</button>
      </div>
      <xsl:for-each select="@manifest">
        <p class="fx-manifest">IIIF manifest of the source: <a href="{.}" rel="external noopener">{.}</a></p>
      </xsl:for-each>
      <xsl:apply-templates select="m:surface" mode="fx:viewer"/>
      <xsl:if test="empty(m:surface)"><p class="fx-none">No page images: the document's pointers name none.</p></xsl:if>
    </aside>
  </xsl:template>

  <xsl:template match="m:surface" mode="fx:viewer">
    <xsl:variable name="img" select="($facsimile-images(string(@id)), map{'kind': 'none', 'src': '', 'width': '0', 'height': '0', 'link': ''})[1]"/>
    <xsl:variable name="label" select="'Page ' || (@n, position())[1]"/>
    <figure class="fx-surface" id="{@id}" data-n="{(@n, position())[1]}">
      <!-- the page's proportions: the frame fits the window's height -->
      <xsl:if test="$img?width != '0' and $img?height != '0'">
        <xsl:attribute name="style" select="'--fx-ratio: ' || format-number(xs:double($img?width) div xs:double($img?height), '0.0###')"/>
      </xsl:if>
      <xsl:choose>
        <xsl:when test="$img?src != ''">
          <div class="fx-port" tabindex="0" role="group"
               aria-label="{$label}: + and − zoom, arrow keys pan, 0 fits the page">
            <div class="fx-stage">
              <xsl:choose>
                <xsl:when test="$img?kind = 'file'">
                  <img src="{$img?src}" alt="{$label}" width="{$img?width}" height="{$img?height}" loading="lazy" decoding="async"/>
                </xsl:when>
                <!-- another host: loaded only when the reader asks (a page loads nothing from another host by itself) -->
                <xsl:otherwise>
                  <span class="fx-remote" data-src="{$img?src}" data-alt="{$label}">
                    <xsl:if test="$img?width != '0'"><xsl:attribute name="data-width" select="$img?width"/><xsl:attribute name="data-height" select="$img?height"/></xsl:if>
                  </span>
                </xsl:otherwise>
              </xsl:choose>
              <svg class="fx-zones" xmlns="http://www.w3.org/2000/svg" preserveAspectRatio="none" aria-hidden="false">
                <xsl:if test="$img?width != '0'">
                  <xsl:attribute name="viewBox" select="string-join(((@ulx, 0)[1], (@uly, 0)[1], $img?width, $img?height), ' ')"/>
                </xsl:if>
                <xsl:for-each select="m:zone[@ulx]">
                  <xsl:choose>
                    <xsl:when test="@points">
                      <polygon id="{@id}" class="fx-zone" vector-effect="non-scaling-stroke" data-facs="{@id}" points="{@points}" tabindex="0" role="link"
                               aria-label="Zone {(@n, position())[1]} of {lower-case($label)}"/>
                    </xsl:when>
                    <xsl:otherwise>
                      <rect id="{@id}" class="fx-zone" vector-effect="non-scaling-stroke" data-facs="{@id}" x="{@ulx}" y="{@uly}" width="{@lrx - @ulx}" height="{@lry - @uly}"
                            tabindex="0" role="link" aria-label="Zone {(@n, position())[1]} of {lower-case($label)}"/>
                    </xsl:otherwise>
                  </xsl:choose>
                </xsl:for-each>
              </svg>
            </div>
          </div>
          <figcaption>{$label}<xsl:if test="$img?kind != 'file'">
            · <button type="button" class="fx-load" data-fx="load">Show the image from {replace($img?src, '^https?://([^/]+).*$', '$1')}</button>
            · <a href="{$img?src}" rel="external noopener">image</a></xsl:if>
            <xsl:if test="$img?link != ''"> · <a href="{$img?link}" rel="external noopener">IIIF</a></xsl:if></figcaption>
        </xsl:when>
        <xsl:otherwise>
          <p class="fx-none">{$label}: no image<xsl:for-each select="(m:graphic/@url)[1]"> (“{.}” is not available)</xsl:for-each>.<xsl:if
              test="$img?link != ''"> <a href="{$img?link}" rel="external noopener">IIIF</a></xsl:if></p>
          <figcaption>{$label}</figcaption>
        </xsl:otherwise>
      </xsl:choose>
    </figure>
  </xsl:template>

  <!-- A page break that names a surface: where the text of that page begins. -->
  <xsl:template match="m:break[@type = ('page', 'column')][@facs]" mode="h:r" priority="2">
    <span class="fx-page" data-page="{tokenize(@facs)[1]}"><xsl:next-match/></span>
  </xsl:template>

  <!-- A line break that names a zone: a marker that highlights the zone (and a link to it without script). -->
  <xsl:template match="m:break[@type = 'line'][@facs]" mode="h:r" priority="2">
    <xsl:next-match/>
    <xsl:variable name="z" select="tokenize(@facs)[1]"/>
    <a class="fx-ref fx-line ed" href="#{$z}" data-facs="{$z}" aria-label="Line{@n ! (' ' || .)} on the facsimile">{(@n, '◦')[1]}</a>
  </xsl:template>

  <!-- Any other element that names a zone or surface: itself, focusable, highlighting it. -->
  <xsl:template match="m:block[@facs] | m:inline[@facs]" mode="h:r" priority="2">
    <xsl:variable name="facs" select="tokenize(@facs)[1]"/>
    <xsl:variable name="out" as="node()*"><xsl:next-match/></xsl:variable>
    <xsl:for-each select="$out">
      <xsl:choose>
        <xsl:when test=". instance of element() and position() = 1">
          <xsl:copy>
            <xsl:sequence select="@* except @class"/>
            <xsl:attribute name="class" select="string-join((@class, 'fx-ref'), ' ')"/>
            <xsl:attribute name="data-facs" select="$facs"/>
            <xsl:attribute name="tabindex">0</xsl:attribute>
            <xsl:sequence select="node()"/>
          </xsl:copy>
        </xsl:when>
        <xsl:otherwise><xsl:sequence select="."/></xsl:otherwise>
      </xsl:choose>
    </xsl:for-each>
  </xsl:template>
</xsl:stylesheet>
