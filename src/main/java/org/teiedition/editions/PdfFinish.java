package org.teiedition.editions;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * What FOP's PDF still lacks, added in one pass over it (PDFBox): the text layer of ligatures and hyphenated words
 * ({@link PdfTextLayer}), and the identifier PDF/UA-1 asks of every Note structure element (7.9), which FOP does not
 * write. A PDF that needs neither keeps FOP's bytes.
 */
final class PdfFinish {
    private static final COSName NOTE = COSName.getPDFName("Note");
    private static final COSName ID = COSName.getPDFName("ID");

    private PdfFinish() {
    }

    static byte[] apply(byte[] pdf) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            boolean changed = PdfTextLayer.ligaturesAsLetters(doc);
            var root = doc.getDocumentCatalog().getStructureTreeRoot();
            if (root != null) changed |= identifyNotes(root.getCOSObject().getDictionaryObject(COSName.K), new int[] {0});
            if (!changed) return pdf;
            ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length);
            // FOP writes every structure element and dictionary as an object of its own; packed into compressed object
            // streams (PDF 1.5, allowed in PDF/A-2) a tagged PDF is a fraction of the size, and is written faster
            doc.save(out, CompressParameters.DEFAULT_COMPRESSION);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reread the PDF FOP wrote", e);
        }
    }

    /** Gives each Note element without an ID one, "note-N" in document order; true if any was added. */
    private static boolean identifyNotes(COSBase kids, int[] n) {
        boolean changed = false;
        if (kids instanceof COSArray array) {
            for (int i = 0; i < array.size(); i++) changed |= identifyNotes(array.getObject(i), n);
        } else if (kids instanceof COSDictionary element && element.containsKey(COSName.S)) {
            if (NOTE.equals(element.getCOSName(COSName.S)) && !element.containsKey(ID)) {
                element.setItem(ID, new COSString(("note-" + ++n[0]).getBytes(StandardCharsets.US_ASCII)));
                changed = true;
            }
            changed |= identifyNotes(element.getDictionaryObject(COSName.K), n);
        }
        return changed;
    }
}
