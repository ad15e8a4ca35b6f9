<?xml version="1.0" encoding="UTF-8"?>
<!-- The print edition's plates (build with the option facsimile): before the text, as front matter paged i, ii ..., so that
     the text still starts on page 1; each surface's image on a page of its own with its caption, in the order of the
     model's m:facsimile. They belong to no unit of the print protocol (no p:unit). Included by print.xsl, which calls p:facsimile-plates before the text; without images (the parameter empty) it writes nothing. The
     images come as data: URIs (FOP reads nothing but the bundled resources), made by the driver from the copies the
     facsimile page shows. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    xmlns:fo="http://www.w3.org/1999/XSL/Format"
    xmlns:fox="http://xmlgraphics.apache.org/fop/extensions"
    xmlns:m="https://teiedition.org/ns/model"
    xmlns:p="https://teiedition.org/ns/print"
    exclude-result-prefixes="#all"
    expand-text="yes">

  <!-- surface id -> the image as a data: URI -->
  <xsl:param name="facsimile-plates" as="map(xs:string, xs:string)" select="map{}"/>

  <!-- context: m:edition -->
  <xsl:template name="p:facsimile-plates">
    <xsl:param name="running-head" as="xs:string"/>
    <xsl:variable name="surfaces" select="m:facsimile/m:surface[map:contains($facsimile-plates, string(@id))]"/>
    <xsl:if test="exists($surfaces)">
      <fo:page-sequence master-reference="continued" initial-page-number="1" format="i">
        <xsl:call-template name="p:static"><xsl:with-param name="running-head" select="$running-head"/></xsl:call-template>
        <fo:flow flow-name="xsl-region-body">
          <fo:block id="plates" role="Sect">
            <xsl:for-each select="$surfaces">
              <xsl:variable name="caption" select="'Plate ' || position() || ': page ' || (@n, position())[1]"/>
              <fo:block role="Div" text-align="center" keep-together.within-page="always">
                <xsl:if test="position() gt 1"><xsl:attribute name="break-before">page</xsl:attribute></xsl:if>
                <fo:block>
                  <fo:external-graphic src="url('{$facsimile-plates(string(@id))}')" fox:alt-text="{$caption}"
                      width="100%" content-width="scale-down-to-fit" height="19cm" content-height="scale-down-to-fit" scaling="uniform"/>
                </fo:block>
                <fo:block role="Caption" font-size="90%" space-before="4pt">{$caption}</fo:block>
              </fo:block>
            </xsl:for-each>
          </fo:block>
        </fo:flow>
      </fo:page-sequence>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
