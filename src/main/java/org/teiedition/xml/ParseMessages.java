package org.teiedition.xml;

import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.teiedition.Diagnostic;
import org.xml.sax.SAXParseException;

/**
 * Turns what the parser threw into one located diagnostic an editor can act on: the parser's message without
 * Java or Saxon noise, and, where Xerces' wording alone does not help, what was actually found there.
 */
final class ParseMessages {
    private ParseMessages() {
    }

    static Diagnostic located(Path file, String shown, Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SAXParseException spe) {
                int line = Math.max(spe.getLineNumber(), 0);
                int col = Math.max(spe.getColumnNumber(), 0);
                return Diagnostic.error(shown, line, col, explain(file, clean(spe.getMessage()), line, col), SourceDocument.WELL_FORMEDNESS_RULE, "well-formedness");
            }
            if (t instanceof CharConversionException || t instanceof CharacterCodingException) {
                return Diagnostic.error(shown, 0, 0, "invalid byte sequence for the declared encoding: " + clean(t.getMessage()),
                        SourceDocument.WELL_FORMEDNESS_RULE, "well-formedness");
            }
            if (t == t.getCause()) break;
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        return Diagnostic.error(shown, 0, 0, clean(root.getMessage()), SourceDocument.WELL_FORMEDNESS_RULE, "well-formedness");
    }

    /** One line, no exception class names, no Saxon error codes. */
    static String clean(String message) {
        if (message == null || message.isBlank()) return "not well-formed XML";
        String m = message.replaceAll("\\s+", " ").trim()
                .replaceAll("\\b(?:[a-z][a-z0-9_]*\\.)+[A-Z][A-Za-z0-9_]*(?:Exception|Error): ?", "")
                .replaceAll("\\b(?:Error )?(?:[A-Z]{4}\\d{4}|err:[A-Z]{4}\\d{4}):? ?", "")
                .replaceAll("^[\\s:;,-]+", "").replaceAll("[\\s.]+$", "");
        return m.isEmpty() ? "not well-formed XML" : m;
    }

    private static String explain(Path file, String m, int line, int col) {
        long size = size(file);
        String mismatch = encodingMismatch(file);
        if (mismatch != null) return mismatch + " (the parser said: " + m + ")";
        if (m.startsWith("Premature end of file")) {
            if (size == 0) return "the file is empty: expected an XML document with a <TEI> root element";
            return "the file ends before a root element: expected an XML document with a <TEI> root element"
                    + found(file, 1, 1);
        }
        if (m.startsWith("XML document structures must start and end within the same entity")) {
            return "the file ends inside an element (truncated, or a tag is never closed)";
        }
        if (m.startsWith("Content is not allowed in prolog")) {
            return "content is not allowed before the root element" + found(file, line, col)
                    + "; an XML document starts with \"<?xml\" or its root element";
        }
        if (m.startsWith("Content is not allowed in trailing section")) {
            return "content is not allowed after the root element" + found(file, line, col);
        }
        if (m.matches("Invalid byte \\d of \\d-byte UTF-8 sequence")) {
            return "invalid UTF-8 (" + m + "): the file is not in the encoding it declares (UTF-8 when it declares none)";
        }
        if (m.matches("Byte \"\\d+\" is not a member of the \\(7-bit\\) ASCII character set")) {
            return "the file declares encoding=\"US-ASCII\" but contains a non-ASCII byte (" + m
                    + "): declare the encoding the file is written in, usually encoding=\"UTF-8\"";
        }
        if (m.startsWith("The processing instruction target matching \"[xX][mM][lL]\" is not allowed")) {
            return "the XML declaration <?xml ...?> must stand at the very start of the file, before any space or line break";
        }
        if (m.startsWith("An invalid XML character")) {
            return m + " (control characters other than tab, newline and carriage return are not allowed in XML)";
        }
        return m;
    }

    /**
     * A declaration that cannot be true of the bytes: encoding="UTF-16" in a file written in an ASCII-compatible
     * encoding (Xerces then reports only "content is not allowed in prolog").
     */
    static String encodingMismatch(Path file) {
        byte[] head = new byte[HEAD];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            return null;
        }
        int start = hasUtf8Bom(head, n) ? 3 : 0;
        String declared = declaredEncoding(head, n);
        if (declared == null) return null;
        if (declared.toUpperCase(Locale.ROOT).startsWith("UTF-16")) {
            return "the XML declaration says encoding=\"" + declared + "\" but the file is written in "
                    + (start == 3 ? "UTF-8 (it starts with a UTF-8 byte order mark)" : "a single-byte or UTF-8 encoding")
                    + ": correct the declaration (usually encoding=\"UTF-8\")";
        }
        return null;
    }

    /** Bytes of a file's start that hold its XML declaration. */
    static final int HEAD = 200;

    private static boolean hasUtf8Bom(byte[] head, int n) {
        return n >= 3 && (head[0] & 0xff) == 0xEF && (head[1] & 0xff) == 0xBB && (head[2] & 0xff) == 0xBF;
    }

    private static String declaredEncoding(byte[] head, int n) {
        int start = hasUtf8Bom(head, n) ? 3 : 0;
        String text = new String(head, start, n - start, StandardCharsets.ISO_8859_1);
        if (!text.startsWith("<?xml")) return null;
        Matcher m = Pattern.compile("^<\\?xml[^>]*?encoding\\s*=\\s*[\"']([^\"']+)[\"']").matcher(text);
        return m.find() ? m.group(1) : null;
    }

    /**
     * The error for a file that starts with a UTF-8 byte order mark and declares another encoding, or null. Xerces
     * would decode it in the declared one (mojibake in every edition); the mark is the stronger evidence, and
     * guessing is not ours: the editor decides.
     */
    static String bomContradiction(byte[] head, int n) {
        if (!hasUtf8Bom(head, n)) return null;
        String declared = declaredEncoding(head, n);
        // UTF-16 makes Xerces fail, and encodingMismatch explains that case
        if (declared == null || declared.replace("-", "").equalsIgnoreCase("UTF8")
                || declared.toUpperCase(Locale.ROOT).startsWith("UTF-16")) {
            return null;
        }
        return "the file starts with a UTF-8 byte order mark but declares encoding=\"" + declared + "\": remove the"
                + " mark or declare encoding=\"UTF-8\", whichever the file really is";
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }

    /** ": found "...""  for the text at line:col, as printable characters or as bytes when it is not text. */
    static String found(Path file, int line, int col) {
        if (line <= 0) return "";
        byte[] head = new byte[64 * 1024];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            return "";
        }
        int at = 0;
        for (int l = 1; l < line && at < n; at++) if (head[at] == '\n') l++;
        at += Math.max(col - 1, 0);
        if (line == 1 && col <= 1) at = 0;
        if (at >= n) return "";
        int end = Math.min(n, at + 16);
        boolean binary = false;
        for (int i = at; i < end; i++) {
            int b = head[i] & 0xff;
            if (b < 0x20 && b != '\t' && b != '\n' && b != '\r' || b == 0x7f || b >= 0x80) binary = true;
        }
        StringBuilder sb = new StringBuilder(": found ");
        if (binary) {
            sb.append("bytes");
            for (int i = at; i < Math.min(end, at + 8); i++) sb.append(String.format(" %02X", head[i] & 0xff));
            if (at == 0 && n >= 2 && ((head[0] & 0xff) == 0xFE || (head[0] & 0xff) == 0xFF)) sb.append(" (a UTF-16 byte order mark?)");
            else sb.append(" (not text: is this an XML file?)");
        } else {
            String s = new String(head, at, end - at, StandardCharsets.US_ASCII).replaceAll("\\s+", " ");
            sb.append('"').append(s).append(end < n ? "..." : "").append('"');
        }
        return sb.toString();
    }
}
