<?xml version="1.0" encoding="UTF-8"?>
<!-- OUT/index.html of a folder build: one row per document, linking to its editions. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tei="http://www.tei-c.org/ns/1.0"
  exclude-result-prefixes="#all" expand-text="yes">
  <xsl:output method="html" html-version="5" encoding="UTF-8" indent="no"/>
  <xsl:param name="documents" as="document-node()*" select="()"/>
  <!-- the output folder of each document, in the same order -->
  <xsl:param name="folders" as="xs:string*" select="()"/>
  <xsl:param name="edition-names" as="xs:string*" select="()"/>
  <xsl:param name="edition-files" as="xs:string*" select="()"/>

  <xsl:template name="index">
    <html lang="en">
      <head><meta charset="UTF-8"/><meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title>Editions</title></head>
      <body>
        <main>
          <h1>Editions</h1>
          <table>
            <thead><tr><th scope="col">Date</th><th scope="col">Title</th><th scope="col">Editions</th></tr></thead>
            <tbody>
              <xsl:for-each select="$documents">
                <xsl:variable name="i" select="position()"/>
                <xsl:variable name="sent" select="(.//tei:correspAction[@type = 'sent']/tei:date/@when)[1]"/>
                <tr>
                  <td>{$sent}</td>
                  <td>{normalize-space((.//tei:titleStmt/tei:title)[1])}</td>
                  <td>
                    <xsl:for-each select="$edition-names">
                      <xsl:variable name="j" select="position()"/>
                      <a href="{encode-for-uri($folders[$i])}/{$edition-files[$j]}">{.}</a>
                      <xsl:if test="position() != last()">{' · '}</xsl:if>
                    </xsl:for-each>
                  </td>
                </tr>
              </xsl:for-each>
            </tbody>
          </table>
        </main>
      </body>
    </html>
  </xsl:template>
</xsl:stylesheet>
