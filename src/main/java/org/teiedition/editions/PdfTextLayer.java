package org.teiedition.editions;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;

/**
 * The PDF's text layer says the letters that a ligature glyph shows. FOP sets the fonts' ligatures (GSUB) and maps
 * each glyph back to one character in the font's ToUnicode CMap: the "fi" glyph to U+FB01, so copying or searching
 * the PDF gives "ﬁrst", "oﬀensive". A CMap may map a code to several characters: the ligature glyphs' entries are
 * rewritten to their letters (the compatibility decomposition of U+FB00–FB06), and the page keeps its ligatures.
 * FOP cannot be told to do this (its ToUnicode holds one character per glyph), hence this pass over its output.
 */
final class PdfTextLayer {
    /** The Latin presentation forms FOP's GSUB pass yields: ff, fi, fl, ffi, ffl, long s t, st. */
    private static final Pattern LIGATURE = Pattern.compile("[\uFB00-\uFB06]");
    private static final Pattern SECTION = Pattern.compile("(?s)\\d+\\s+begin(bfchar|bfrange)(.*?)end\\1");
    private static final Pattern HEX = Pattern.compile("<([0-9A-Fa-f]*)>");

    private PdfTextLayer() {
    }

    /** {@code pdf} with its ligature glyphs mapped to their letters; the same bytes if it shows no ligature. */
    static byte[] ligaturesAsLetters(byte[] pdf) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            Set<COSStream> done = new HashSet<>();
            boolean changed = false;
            for (PDPage page : doc.getPages()) {
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
            if (!changed) return pdf;
            ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + 1024);
            // as FOP wrote it: a classic cross-reference table, no object streams
            doc.save(out, CompressParameters.NO_COMPRESSION);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reread the PDF FOP wrote", e);
        }
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
                String letters = LIGATURE.matcher((String) all[j].getValue())
                        .replaceAll(l -> Normalizer.normalize(l.group(), Normalizer.Form.NFKC));
                entries.append('<').append(String.format("%0" + width + "X", code)).append("> <");
                for (char c : letters.toCharArray()) entries.append(String.format("%04X", (int) c));
                entries.append(">\n");
            }
            entries.append("endbfchar\n");
        }
        String rewritten = text.substring(0, first) + entries + text.substring(last);
        try (OutputStream out = cmap.createOutputStream(COSName.FLATE_DECODE)) {
            out.write(rewritten.getBytes(StandardCharsets.ISO_8859_1));
        }
        return true;
    }

    private static String utf16(String hex) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i + 4 <= hex.length(); i += 4) s.append((char) Integer.parseInt(hex.substring(i, i + 4), 16));
        return s.toString();
    }
}
