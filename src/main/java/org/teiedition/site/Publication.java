package org.teiedition.site;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.LinkedHashMap;
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
 * None of them shows a document's words: OUT/.tei-edition/publication.key remembers the corpus's
 * {@link Corpus#metadataHash} and base URL, the {@link FileStamp} of each file made for them and what the user was
 * told, so a build that changed no metadata makes none of them again (and says the same again).
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
    public static Written write(Xslt xslt, Path out, Corpus corpus, String baseUrl) throws IOException {
        if (baseUrl == null) return new Written(0, List.of());
        Path keyFile = out.resolve(BuildCache.DIR).resolve(KEY_FILE);
        String key = corpus.metadataHash() + " " + baseUrl;
        String told = unchanged(out, keyFile, key);
        if (told != null) return new Written(0, warnings(out, told));
        Map<String, byte[]> files = new LinkedHashMap<>();
        String unidentified = make(xslt, corpus.tree(), baseUrl, files);
        int n = 0;
        StringBuilder record = new StringBuilder(key).append('\n');
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            Path file = out.resolve(f.getKey());
            if (Outputs.writeIfChanged(file, f.getValue())) n++;
            record.append(new FileStamp.Line(FileStamp.of(file, f.getValue()), f.getKey()).text()).append('\n');
        }
        Dts.removeOtherCollections(out, files.keySet());
        unidentified.lines().forEach(line -> record.append(TOLD).append(line).append('\n'));
        Outputs.writeIfChanged(keyFile, record.toString().getBytes(StandardCharsets.UTF_8));
        return new Written(n, warnings(out, unidentified));
    }

    private static final String KEY_FILE = "publication.key";
    private static final String TOLD = "unidentified ";

    /**
     * What the last build that made the files for {@code key} told the user about them (one letter per line), if every
     * file it made is still there as it was written; else null.
     */
    private static String unchanged(Path out, Path keyFile, String key) throws IOException {
        if (!Files.isRegularFile(keyFile, LinkOption.NOFOLLOW_LINKS) || Files.size(keyFile) > 16L * 1024 * 1024) return null;
        List<String> lines = Files.readAllLines(keyFile, StandardCharsets.UTF_8);
        if (lines.isEmpty() || !lines.get(0).equals(key)) return null;
        StringBuilder told = new StringBuilder();
        boolean any = false;
        for (String line : lines.subList(1, lines.size())) {
            if (line.startsWith(TOLD)) {
                told.append(line.substring(TOLD.length())).append('\n');
                continue;
            }
            FileStamp.Line entry = FileStamp.Line.parse(line);
            // only files this step writes, whatever the record says
            if (entry == null || entry.stamp().equals(FileStamp.ABSENT) || !ours(entry.name())
                    || !entry.stamp().matches(out.resolve(entry.name()))) {
                return null;
            }
            any = true;
        }
        return any ? told.toString() : null;
    }

    private static boolean ours(String path) {
        return path.equals(SITEMAP) || path.equals(ROBOTS) || path.equals(CMIF)
                || (path.startsWith(Dts.FOLDER + "/") && !path.contains("..") && !path.contains("\\") && !path.contains("//"));
    }

    /** The letters without authority ids, as the user is told (nothing when there are none). */
    private static List<Diagnostic> warnings(Path out, String unidentified) {
        if (unidentified.isBlank()) return List.of();
        return List.of(new Diagnostic(out.resolve(CMIF).toString(), 0, 0, Diagnostic.Severity.WARNING,
                "letters without an authority id (GND, VIAF, GeoNames, Wikidata) for a correspondent or place, "
                        + "which correspSearch cannot find by id: " + String.join("; ", unidentified.strip().lines().toList()),
                null, "cmif"));
    }

    /** Makes the files into {@code files} (by path under OUT); returns the letters without authority ids. */
    private static String make(Xslt xslt, XdmNode corpus, String baseUrl, Map<String, byte[]> files) {
        Map<QName, XdmValue> params = Map.of(new QName("base-url"), new XdmAtomicValue(baseUrl),
                new QName("uuid"), new XdmAtomicValue(UUID.nameUUIDFromBytes(baseUrl.getBytes(StandardCharsets.UTF_8)).toString()),
                new QName("pages"), XdmValue.makeSequence(CorpusPages.FILES.stream().map(XdmAtomicValue::new).toList()));
        files.put(SITEMAP, run(xslt, corpus, "sitemap", params));
        files.put(ROBOTS, ("User-agent: *\nAllow: /\nSitemap: " + baseUrl + SITEMAP + "\n").getBytes(StandardCharsets.UTF_8));
        files.put(CMIF, run(xslt, corpus, "cmif", params));
        try {
            files.putAll(Dts.corpusFiles(xslt, corpus, baseUrl));
        } catch (SaxonApiException e) {
            throw new IllegalStateException("cannot make the DTS collections: " + e.getMessage(), e);
        }
        return new String(run(xslt, corpus, UNIDENTIFIED, params), StandardCharsets.UTF_8).strip();
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
