package org.teiedition.editions;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;

/**
 * The PDF's text layer says the letters that a ligature glyph shows. FOP sets the fonts' ligatures (GSUB) and maps
 * each glyph back to one character in the font's ToUnicode CMap: the "fi" glyph to U+FB01, so copying or searching
 * the PDF gives "ﬁrst", "oﬀensive". A CMap may map a code to several characters: the ligature glyphs' entries are
 * rewritten to their letters (the compatibility decomposition of U+FB00–FB06), and the page keeps its ligatures.
 * The same for the replacement text FOP gives a hyphenated word. FOP cannot be told to do this (its ToUnicode holds
 * one character per glyph), hence this pass over its output ({@link PdfFinish}).
 */
final class PdfTextLayer {
    /** The Latin presentation forms FOP's GSUB pass yields: ff, fi, fl, ffi, ffl, long s t, st. */
    private static final Pattern LIGATURE = Pattern.compile("[\uFB00-\uFB06]");
    private static final Pattern SECTION = Pattern.compile("(?s)\\d+\\s+begin(bfchar|bfrange)(.*?)end\\1");
    private static final Pattern HEX = Pattern.compile("<([0-9A-Fa-f]*)>");
    private static final Pattern ACTUAL_TEXT = Pattern.compile(
            "/ActualText\\s*(?:<FEFF([0-9A-Fa-f]*)>|\\(((?:[^()\\\\]|\\\\.)*)\\))");

    private PdfTextLayer() {
    }

    /** Maps {@code doc}'s ligature glyphs to their letters and ends its hyphenated lines' text with a soft hyphen. */
    static boolean ligaturesAsLetters(PDDocument doc) throws IOException {
        Set<COSStream> done = new HashSet<>();
        boolean changed = false;
        for (PDPage page : doc.getPages()) {
            for (var contents = page.getContentStreams(); contents.hasNext();) {
                changed |= rewriteActualText(contents.next().getCOSObject());
            }
            PDResources resources = page.getResources();
            if (resources == null) continue;
            for (COSName name : resources.getFontNames()) {
                COSBase font = resources.getCOSObject().getCOSDictionary(COSName.FONT).getDictionaryObject(name);
                if (font instanceof COSDictionary dict
                        && dict.getDictionaryObject(COSName.TO_UNICODE) instanceof COSStream cmap && done.add(cmap)) {
                    changed |= rewrite(cmap);
                }
            }
        }
        return changed;
    }

    /**
     * FOP marks the text of a line that ends in a hyphenated word with a replacement text ({@code /ActualText}, which
     * text extraction prefers to the glyphs): the line without its hyphen, in the glyphs' characters, ligatures too.
     * Rewritten with the ligatures spelt out and a soft hyphen (U+00AD) where the hyphen was: the PDF specification's
     * sign for a hyphen the layout added (14.8.2.2.3), which a reader drops when joining the word again, whereas a
     * missing hyphen would leave two words. FOP writes an ASCII text as a literal string, any other in UTF-16 hex.
     */
    private static boolean rewriteActualText(COSStream content) throws IOException {
        String text;
        try (InputStream in = content.createInputStream()) {
            text = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
        Matcher m = ACTUAL_TEXT.matcher(text);
        StringBuilder out = new StringBuilder(text.length() + 64);
        boolean changed = false;
        while (m.find()) {
            String actual = m.group(1) != null ? utf16(m.group(1)) : unescape(m.group(2));
            String letters = letters(actual);
            changed = true;
            m.appendReplacement(out, Matcher.quoteReplacement("/ActualText <FEFF" + hex(letters + "\u00AD") + ">"));
        }
        if (!changed) return false;
        m.appendTail(out);
        try (OutputStream o = content.createOutputStream(COSName.FLATE_DECODE)) {
            o.write(out.toString().getBytes(StandardCharsets.ISO_8859_1));
        }
        return true;
    }

    /** A PDF literal string's text, as FOP escapes it (backslash before parentheses and backslashes, octal codes). */
    private static String unescape(String literal) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < literal.length(); i++) {
            char c = literal.charAt(i);
            if (c != '\\' || i + 1 == literal.length()) {
                s.append(c);
                continue;
            }
            char next = literal.charAt(++i);
            if (next >= '0' && next <= '7') {
                int end = i;
                while (end < Math.min(i + 3, literal.length()) && literal.charAt(end) >= '0' && literal.charAt(end) <= '7') end++;
                s.append((char) Integer.parseInt(literal.substring(i, end), 8));
                i = end - 1;
            } else {
                s.append(switch (next) {
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    case 't' -> '\t';
                    case 'b' -> '\b';
                    case 'f' -> '\f';
                    default -> next;
                });
            }
        }
        return s.toString();
    }

    private static String hex(String s) {
        StringBuilder h = new StringBuilder();
        for (char c : s.toCharArray()) h.append(String.format("%04X", (int) c));
        return h.toString();
    }

    /** Rewrites a ToUnicode CMap whose targets hold a ligature; false if none does. */
    private static boolean rewrite(COSStream cmap) throws IOException {
        String text;
        try (InputStream in = cmap.createInputStream()) {
            text = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
        Map<Integer, String> map = new TreeMap<>();
        Matcher section = SECTION.matcher(text);
        int first = -1;
        int last = -1;
        while (section.find()) {
            if (first < 0) first = section.start();
            last = section.end();
            Matcher hex = HEX.matcher(section.group(2));
            if (section.group(1).equals("bfchar")) {
                while (hex.find()) {
                    int code = Integer.parseInt(hex.group(1), 16);
                    if (!hex.find()) break;
                    map.put(code, utf16(hex.group(1)));
                }
            } else {
                while (hex.find()) {
                    int from = Integer.parseInt(hex.group(1), 16);
                    if (!hex.find()) break;
                    int to = Integer.parseInt(hex.group(1), 16);
                    if (!hex.find()) break;
                    String start = utf16(hex.group(1));
                    // a range increments the last UTF-16 unit of its first target
                    for (int code = from; code <= to; code++) {
                        map.put(code, start.substring(0, start.length() - 1)
                                + (char) (start.charAt(start.length() - 1) + code - from));
                    }
                }
            }
        }
        if (first < 0 || map.values().stream().noneMatch(s -> LIGATURE.matcher(s).find())) return false;
        int width = text.contains("<0000> <FFFF>") || text.contains("<0000> <ffff>") ? 4 : 2;
        StringBuilder entries = new StringBuilder();
        Map.Entry<?, ?>[] all = map.entrySet().toArray(new Map.Entry<?, ?>[0]);
        for (int i = 0; i < all.length; i += 100) {
            int n = Math.min(100, all.length - i);
            entries.append(n).append(" beginbfchar\n");
            for (int j = i; j < i + n; j++) {
                int code = (Integer) all[j].getKey();
                String letters = letters((String) all[j].getValue());
                entries.append('<').append(String.format("%0" + width + "X", code)).append("> <").append(hex(letters))
                        .append(">\n");
            }
            entries.append("endbfchar\n");
        }
        String rewritten = text.substring(0, first) + entries + text.substring(last);
        try (OutputStream out = cmap.createOutputStream(COSName.FLATE_DECODE)) {
            out.write(rewritten.getBytes(StandardCharsets.ISO_8859_1));
        }
        return true;
    }

    /** {@code s} with its ligatures spelt out: "ﬁ" as "fi". */
    private static String letters(String s) {
        return LIGATURE.matcher(s).replaceAll(l -> Normalizer.normalize(l.group(), Normalizer.Form.NFKC));
    }

    private static String utf16(String hex) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i + 4 <= hex.length(); i += 4) s.append((char) Integer.parseInt(hex.substring(i, i + 4), 16));
        return s.toString();
    }
}
