<?xml version="1.0" encoding="UTF-8"?>
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:te="https://teiedition.org/ns/xslt" exclude-result-prefixes="#all" expand-text="yes">
  <xsl:import href="../common/basic.xsl"/>
  <xsl:output method="html" html-version="5" encoding="UTF-8" indent="no"/>
  <xsl:mode on-no-match="shallow-skip"/>
  <!-- the copy-text witness unless the driver names another -->
  <xsl:param name="witness" as="xs:string?" select="(//tei:witness[tokenize(@ana) = '#copy-text']/@xml:id, //tei:witness/@xml:id, 'copy-text')[1]"/>
  <xsl:template match="/">
    <html lang="en">
      <head><meta charset="UTF-8"/><title>{(//tei:titleStmt/tei:title)[1]}</title></head>
      <body><main><h1>{(//tei:titleStmt/tei:title)[1]}</h1>
        <xsl:for-each select="//tei:text//(tei:p | tei:salute | tei:signed)[not(ancestor::tei:note)]">
          <p><xsl:apply-templates select="node()" mode="te:text"/></p>
        </xsl:for-each>
      </main></body>
    </html>
  </xsl:template>
</xsl:stylesheet>
