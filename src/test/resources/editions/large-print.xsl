<?xml version="1.0" encoding="UTF-8"?>
<!-- A fourth edition, registered by FourthEditionTest with one Edition line: the reading view in large print. It is
     the page shell (html-common.xsl through page.xsl) with larger type; the shell takes its label and the links to
     the document's other editions from the registration. (Imported from the main classes folder because test
     resources sit beside it, not inside xslt/.) -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:h="https://teiedition.org/ns/html"
    exclude-result-prefixes="#all" expand-text="yes">

  <xsl:import href="../../classes/xslt/html/page.xsl"/>

  <!-- the shell's stylesheet, then larger type -->
  <xsl:variable name="h:css" as="xs:string" select="$h:edition-css || '&#10;body { font-size: 150%; line-height: 1.6; }&#10;'"/>
</xsl:stylesheet>
