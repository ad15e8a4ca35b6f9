package org.teiedition.xml;

import java.nio.file.Path;

/** Output file and folder names come only from here, so no document can name a path outside the output folder. */
public final class OutputNames {
    private OutputNames() {
    }

    /** "tei/Kennedy to Khrushchev.xml" gives "Kennedy-to-Khrushchev": letters, digits, '.', '_' and '-' only. */
    public static String documentName(Path file) {
        String base = file.getFileName() == null ? "document" : file.getFileName().toString();
        int dot = base.lastIndexOf('.');
        if (dot > 0) base = base.substring(0, dot);
        return safeSegment(base);
    }

    public static String safeSegment(String raw) {
        String s = raw.replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^[.-]+", "").replaceAll("-+$", "");
        if (s.isEmpty() || s.equals(".") || s.equals("..")) s = "document-" + Integer.toHexString(raw.hashCode());
        return s.length() > 120 ? s.substring(0, 120) : s;
    }
}
