package org.teiedition.editions;

/**
 * One edition: a name (as used on the command line), its entry stylesheet (a classpath resource under
 * {@code xslt/}), what the stylesheet produces and the file it is written to in {@code OUT/<document>/}.
 * All decisions about the text live in the shared model stylesheet; an edition only decides how things look.
 */
public record Edition(String name, String stylesheet, OutputKind kind, String fileName) {
}
