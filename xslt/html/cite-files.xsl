<?xml version="1.0" encoding="UTF-8"?>
<!-- The citation downloads of a document (html/cite.xsl, h:cite-files), made apart from its editions so that any
     HTML edition, also one that does not import the page shell, gets the same files. The driver
     (EditionRenderer.citationFiles) calls h:cite-files with the reading view as context and the page's parameters. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="html-common.xsl"/>
</xsl:stylesheet>
