package org.teiedition.site;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.sf.saxon.s9api.QName;
import net.sf.saxon.s9api.SaxonApiException;
import net.sf.saxon.s9api.Serializer;
import net.sf.saxon.s9api.XdmAtomicValue;
import net.sf.saxon.s9api.XdmNode;
import net.sf.saxon.s9api.XdmValue;
import net.sf.saxon.s9api.Xslt30Transformer;
import org.teiedition.Diagnostic;
import org.teiedition.transform.Xslt;

/**
 * What a corpus published at a known URL offers machines, made from the document {@link Summary summaries} like the
 * corpus pages: {@code sitemap.xml} and {@code robots.txt} for search engines, {@code cmif.xml} (CMIF 1.1) for
 * correspSearch, the DTS entry point and collections ({@link Dts}). Without a base URL none of them is written: each needs absolute URLs.
 */
public final class Publication {
    static final String STYLESHEET = "xslt/site/publish.xsl";
    public static final String SITEMAP = "sitemap.xml";
    public static final String ROBOTS = "robots.txt";
    public static final String CMIF = "cmif.xml";

    private static final String UNIDENTIFIED = "cmif-unidentified";

    private Publication() {
    }

    /** Files written (those whose bytes changed) and what the user must hear about them. */
    public record Written(int files, List<Diagnostic> warnings) {
    }

    /** Writes the publication files of {@code out} for {@code baseUrl} (null: nothing). */
    public static Written write(Xslt xslt, Path out, List<Summary> summaries, String baseUrl) throws IOException {
        if (baseUrl == null) return new Written(0, List.of());
        XdmNode corpus = CorpusPages.corpus(xslt, summaries);
        Map<QName, XdmValue> params = Map.of(new QName("base-url"), new XdmAtomicValue(baseUrl),
                new QName("uuid"), new XdmAtomicValue(UUID.nameUUIDFromBytes(baseUrl.getBytes(StandardCharsets.UTF_8)).toString()),
                new QName("pages"), XdmValue.makeSequence(CorpusPages.FILES.stream().map(XdmAtomicValue::new).toList()));
        int n = 0;
        if (Outputs.writeIfChanged(out.resolve(SITEMAP), run(xslt, corpus, "sitemap", params))) n++;
        byte[] robots = ("User-agent: *\nAllow: /\nSitemap: " + baseUrl + SITEMAP + "\n").getBytes(StandardCharsets.UTF_8);
        if (Outputs.writeIfChanged(out.resolve(ROBOTS), robots)) n++;
        if (Outputs.writeIfChanged(out.resolve(CMIF), run(xslt, corpus, "cmif", params))) n++;
        try {
            Map<String, byte[]> dts = Dts.corpusFiles(xslt, corpus, baseUrl);
            for (Map.Entry<String, byte[]> f : dts.entrySet()) {
                if (Outputs.writeIfChanged(out.resolve(f.getKey()), f.getValue())) n++;
            }
            Dts.removeOtherCollections(out, dts.keySet());
        } catch (SaxonApiException e) {
            throw new IllegalStateException("cannot make the DTS collections: " + e.getMessage(), e);
        }
        List<Diagnostic> warnings = new ArrayList<>();
        String unidentified = new String(run(xslt, corpus, UNIDENTIFIED, params), StandardCharsets.UTF_8).strip();
        if (!unidentified.isEmpty()) {
            warnings.add(new Diagnostic(out.resolve(CMIF).toString(), 0, 0, Diagnostic.Severity.WARNING,
                    "letters without an authority id (GND, VIAF, GeoNames, Wikidata) for a correspondent or place, "
                            + "which correspSearch cannot find by id: " + String.join("; ", unidentified.lines().toList()),
                    null, "cmif"));
        }
        return new Written(n, warnings);
    }

    private static byte[] run(Xslt xslt, XdmNode corpus, String template, Map<QName, XdmValue> params) {
        try {
            Xslt30Transformer t = xslt.get(STYLESHEET).load30();
            t.setStylesheetParameters(params);
            t.setGlobalContextItem(corpus);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(16 * 1024);
            Serializer out = t.newSerializer(bytes);
            if (template.equals(UNIDENTIFIED)) out.setOutputProperty(Serializer.Property.METHOD, "text");
            t.callTemplate(new QName(template), out);
            return bytes.toByteArray();
        } catch (SaxonApiException e) {
            throw new IllegalStateException("cannot make " + template + ": " + e.getMessage(), e);
        }
    }
}
