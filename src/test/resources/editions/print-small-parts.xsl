<?xml version="1.0" encoding="UTF-8"?>
<!-- The print edition with units split ten times sooner, for PrintSplitTest: a body of some 36,000 characters is then
     laid out as three page-sequences, as one of 360,000 is by print.xsl itself. (Imported from the main classes
     folder because test resources sit beside it, not inside xslt/.) -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:p="https://teiedition.org/ns/print"
    exclude-result-prefixes="#all">

  <xsl:import href="../../classes/xslt/fo/print.xsl"/>

  <xsl:variable name="p:one-sequence" as="xs:integer" select="4000"/>
  <xsl:variable name="p:split-size" as="xs:integer" select="15000"/>
</xsl:stylesheet>
