package org.teiedition.editions;

/** What an edition's stylesheet produces, and so what the driver does with it. */
public enum OutputKind {
    /** HTML5, serialized as the stylesheet's xsl:output says. */
    HTML,
    /** XSL-FO, rendered to PDF by Apache FOP in the same process. */
    PDF,
    /** JSON (a IIIF manifest), serialized as the stylesheet's xsl:output says. */
    JSON
}
