package org.teiedition.xml;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Output file and folder names come only from here, so no document can name a path outside the output folder, and
 * no document folder can take the path of a corpus file.
 */
public final class OutputNames {
    private OutputNames() {
    }

    /** The corpus step's files directly under OUT (org.teiedition.site.CorpusPages writes them). */
    public static final List<String> CORPUS_FILES = List.of("index.html", "persons.html", "places.html", "organisations.html",
            "search.html", "search-index.js", "nav.json");

    /** Added to a document name that is a corpus file's: "index.html.xml" is built into OUT/index.html-document/. */
    static final String RESERVED_SUFFIX = "-document";

    /** "tei/Kennedy to Khrushchev.xml" gives "Kennedy-to-Khrushchev": letters, digits, '.', '_' and '-' only. */
    public static String documentName(Path file) {
        String base = file.getFileName() == null ? "document" : file.getFileName().toString();
        int dot = base.lastIndexOf('.');
        if (dot > 0) base = base.substring(0, dot);
        String name = safeSegment(base);
        // case-insensitive file systems: "Index.HTML" is index.html
        return isCorpusFile(name) ? name + RESERVED_SUFFIX : name;
    }

    public static String safeSegment(String raw) {
        String s = raw.replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("\\.{2,}", ".").replaceAll("^[.-]+", "").replaceAll("-+$", "");
        if (s.isEmpty() || s.equals(".") || s.equals("..")) s = "document-" + Integer.toHexString(raw.hashCode());
        return s.length() > 120 ? s.substring(0, 120) : s;
    }

    /** Whether a name read back from outside (the build cache) is one {@link #documentName} can give. */
    public static boolean isDocumentName(String name) {
        return isFileName(name) && !isCorpusFile(name);
    }

    /** Whether a name read back from outside is a plain file name {@link #safeSegment} leaves as it is. */
    public static boolean isFileName(String name) {
        return name != null && !name.isEmpty() && safeSegment(name).equals(name);
    }

    private static boolean isCorpusFile(String name) {
        return CORPUS_FILES.contains(name.toLowerCase(Locale.ROOT));
    }
}
