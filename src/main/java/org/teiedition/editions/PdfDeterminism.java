package org.teiedition.editions;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.teiedition.Hashes;

/**
 * FOP stamps the current time into two places whatever we tell it: the XMP {@code xmp:MetadataDate} and the seed
 * of the trailer's file identifier ({@code /ID [<a> <b>]}). We overwrite both in place, at the same length (so no
 * offset in the cross-reference table moves): the metadata date with the creation date (the edition's publication
 * date), the identifier with a digest of the rest of the file, as the PDF specification recommends.
 * The same input then gives the same bytes.
 */
final class PdfDeterminism {
    private static final byte[] MARK = "/ID [<".getBytes(StandardCharsets.US_ASCII);

    private static final Pattern DATES = Pattern.compile(
            "<xmp:(?:MetadataDate>([^<]*)</xmp:MetadataDate>|CreateDate>([^<]*)</xmp:CreateDate>)");

    private PdfDeterminism() {
    }

    static byte[] apply(byte[] pdf) {
        return fixFileId(fixMetadataDate(pdf));
    }

    private static byte[] fixMetadataDate(byte[] pdf) {
        // ISO-8859-1 maps bytes to chars one to one, so string offsets are byte offsets
        String s = new String(pdf, StandardCharsets.ISO_8859_1);
        Matcher m = DATES.matcher(s);
        int metaStart = -1;
        String meta = null;
        String created = null;
        while (m.find()) {
            if (m.group(1) != null && meta == null) {
                meta = m.group(1);
                metaStart = m.start(1);
            } else if (m.group(2) != null && created == null) {
                created = m.group(2);
            }
        }
        if (meta == null || created == null || meta.length() != created.length()) return pdf;
        byte[] copy = pdf.clone();
        System.arraycopy(created.getBytes(StandardCharsets.ISO_8859_1), 0, copy, metaStart, created.length());
        return copy;
    }

    private static byte[] fixFileId(byte[] pdf) {
        int at = lastIndexOf(pdf, MARK);
        if (at < 0) return pdf;
        int first = at + MARK.length;
        int firstEnd = indexOf(pdf, (byte) '>', first);
        int second = indexOf(pdf, (byte) '<', firstEnd);
        int secondEnd = second < 0 ? -1 : indexOf(pdf, (byte) '>', second);
        if (firstEnd < 0 || secondEnd < 0) return pdf;
        byte[] copy = pdf.clone();
        Arrays.fill(copy, first, firstEnd, (byte) '0');
        Arrays.fill(copy, second + 1, secondEnd, (byte) '0');
        String hex = HexFormat.of().withUpperCase().formatHex(Hashes.sha256(copy));
        write(copy, first, firstEnd, hex);
        write(copy, second + 1, secondEnd, hex);
        return copy;
    }

    private static void write(byte[] into, int from, int to, String hex) {
        for (int i = from; i < to; i++) into[i] = (byte) hex.charAt((i - from) % hex.length());
    }

    private static int indexOf(byte[] b, byte c, int from) {
        for (int i = Math.max(from, 0); i < b.length; i++) if (b[i] == c) return i;
        return -1;
    }

    private static int lastIndexOf(byte[] b, byte[] m) {
        outer:
        for (int i = b.length - m.length; i >= 0; i--) {
            for (int j = 0; j < m.length; j++) if (b[i + j] != m[j]) continue outer;
            return i;
        }
        return -1;
    }
}
