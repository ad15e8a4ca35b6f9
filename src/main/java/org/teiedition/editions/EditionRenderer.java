package org.teiedition.editions;

import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Map;
import net.sf.saxon.s9api.QName;
import net.sf.saxon.s9api.SAXDestination;
import net.sf.saxon.s9api.SaxonApiException;
import net.sf.saxon.s9api.XdmAtomicValue;
import net.sf.saxon.s9api.XdmItem;
import net.sf.saxon.s9api.XdmValue;
import net.sf.saxon.s9api.Xslt30Transformer;
import org.apache.fop.apps.FOPException;
import org.apache.fop.apps.Fop;
import org.teiedition.transform.Xslt;
import org.teiedition.xml.SourceDocument;

/**
 * Runs an edition's stylesheet over an already parsed document and returns the finished bytes (written to disk
 * atomically by the caller). Thread-safe: compiled stylesheets and the FOP factory are shared, transformers are not.
 */
public final class EditionRenderer {
    /** The one stylesheet parameter the driver sets: which witness a diplomatic view shows. */
    public static final QName WITNESS = new QName("witness");

    private final Xslt xslt;
    private volatile PdfRenderer pdf;

    public EditionRenderer(Xslt xslt) {
        this.xslt = xslt;
    }

    public Xslt xslt() {
        return xslt;
    }

    public byte[] render(SourceDocument doc, Edition edition, String witness) throws SaxonApiException, FOPException {
        Xslt30Transformer t = xslt.get(edition.stylesheet()).load30();
        if (witness != null && !witness.isBlank()) {
            t.setStylesheetParameters(Map.<QName, XdmValue>of(WITNESS, new XdmAtomicValue(witness)));
        }
        t.setGlobalContextItem(doc.node());
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        switch (edition.kind()) {
            case HTML, TEXT -> t.applyTemplates(doc.node(), t.newSerializer(out));
            case PDF -> {
                Fop fop = pdf().newFop(out, creationDate(doc));
                t.applyTemplates(doc.node(), new SAXDestination(fop.getDefaultHandler()));
                return PdfDeterminism.apply(out.toByteArray());
            }
        }
        return out.toByteArray();
    }

    private PdfRenderer pdf() {
        PdfRenderer p = pdf;
        if (p == null) {
            synchronized (this) {
                if (pdf == null) pdf = new PdfRenderer();
                p = pdf;
            }
        }
        return p;
    }

    /** The PDF's creation date is the edition's publication date, so that two builds give the same bytes. */
    static Date creationDate(SourceDocument doc) {
        try {
            XdmItem when = doc.node().select(net.sf.saxon.s9api.streams.Steps.descendant("publicationStmt"))
                    .flatMap(net.sf.saxon.s9api.streams.Steps.descendant("date"))
                    .flatMap(net.sf.saxon.s9api.streams.Steps.attribute("when"))
                    .findFirst().orElse(null);
            if (when != null) {
                String s = when.getStringValue().trim();
                // xs:date, xs:dateTime, xs:gYearMonth or xs:gYear: take the first day of what is given
                String day = s.length() >= 10 ? s.substring(0, 10) : s.length() == 7 ? s + "-01" : s + "-01-01";
                LocalDate d = LocalDate.parse(day);
                return Date.from(d.atStartOfDay().toInstant(ZoneOffset.UTC));
            }
        } catch (RuntimeException ignored) {
            // an unparsable date falls back to the fixed epoch below; validation reports the date itself
        }
        return Date.from(LocalDate.of(2000, 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC));
    }
}
