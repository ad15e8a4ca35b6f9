package org.teiedition.site;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.sf.saxon.s9api.QName;
import net.sf.saxon.s9api.SaxonApiException;
import net.sf.saxon.s9api.Serializer;
import net.sf.saxon.s9api.XdmAtomicValue;
import net.sf.saxon.s9api.XdmDestination;
import net.sf.saxon.s9api.XdmNode;
import net.sf.saxon.s9api.Xslt30Transformer;
import org.teiedition.transform.Xslt;
import org.teiedition.xml.OutputNames;

/**
 * The corpus pages, a reduction over the per-document {@link Summary summaries} (never over document trees):
 * index.html, persons.html, places.html, organisations.html, search.html, search-index.js, nav.json and, in the
 * folder of each document with an HTML edition, nav.js (its previous and next letter: {@link Sequence}).
 */
public final class CorpusPages {
    static final String STYLESHEET = "xslt/site/corpus.xsl";
    public static final List<String> FILES = OutputNames.CORPUS_FILES;
    /** The one page made from the documents' words, made again whenever a summary changed. */
    private static final String SEARCH_INDEX = "search-index.js";

    private CorpusPages() {
    }

    /** Every page's bytes, by path relative to OUT: {@link #FILES} in order, then each document's nav.js. */
    public static Map<String, byte[]> render(Xslt xslt, Corpus corpus) {
        return render(xslt, corpus.tree(), true, null);
    }

    /** {@code baseUrl}: the absolute URL OUT is published at (each page's canonical link), or null. */
    private static Map<String, byte[]> render(Xslt xslt, XdmNode corpus, boolean htmlPages, String baseUrl) {
        Map<String, byte[]> pages = new LinkedHashMap<>();
        if (htmlPages) {
            pages.put("index.html", run(xslt, corpus, "index", null, baseUrl));
            pages.put("persons.html", run(xslt, corpus, "register", "person", baseUrl));
            pages.put("places.html", run(xslt, corpus, "register", "place", baseUrl));
            pages.put("organisations.html", run(xslt, corpus, "register", "org", baseUrl));
            pages.put("search.html", run(xslt, corpus, "search", null, baseUrl));
        }
        pages.put(SEARCH_INDEX, SearchIndex.render(corpus));
        if (htmlPages) pages.putAll(Sequence.files(sequence(xslt, corpus)));
        return pages;
    }

    /**
     * Writes the pages whose bytes changed; returns how many were written. The pages other than the search index do
     * not read the documents' words, so when only words changed (the usual edit in serve) only the index is made:
     * OUT/.tei-edition/pages.key remembers a hash of the summaries without their words, and the stamp of each page
     * made from them, so that a damaged page is made again. The pages are published at {@code baseUrl} (null: unknown).
     */
    public static int write(Xslt xslt, Path out, Corpus corpus, String baseUrl) throws IOException {
        Path keyFile = out.resolve(BuildCache.DIR).resolve("pages.key");
        String key = corpus.metadataHash() + (baseUrl == null ? "" : " " + baseUrl);
        boolean same = pagesVerify(out, keyFile, key, corpus.summaries());
        StringBuilder written = new StringBuilder(key).append('\n');
        int n = 0;
        for (Map.Entry<String, byte[]> page : render(xslt, corpus.tree(), !same, baseUrl).entrySet()) {
            Path file = pagePath(out, page.getKey());
            if (Outputs.writeIfChanged(file, page.getValue())) n++;
            if (!page.getKey().equals(SEARCH_INDEX)) {
                written.append(new FileStamp.Line(FileStamp.of(file, page.getValue()), page.getKey()).text()).append('\n');
            }
        }
        if (!same) Outputs.writeIfChanged(keyFile, written.toString().getBytes(StandardCharsets.UTF_8));
        return n;
    }

    /**
     * Whether the pages other than the search index are those pages.key names for this key, as they were written
     * (their {@link FileStamp}s). What pages.key says is only compared with: the pages are looked up by the names they
     * must have.
     */
    private static boolean pagesVerify(Path out, Path keyFile, String key, List<Summary> summaries) throws IOException {
        if (!Files.isRegularFile(keyFile) || Files.size(keyFile) > 16L * 1024 * 1024) return false;
        List<String> lines = Files.readAllLines(keyFile, StandardCharsets.UTF_8);
        if (lines.isEmpty() || !lines.get(0).equals(key)) return false;
        Map<String, FileStamp> stamps = new HashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            FileStamp.Line entry = FileStamp.Line.parse(line);
            if (entry == null) return false;
            stamps.put(entry.name(), entry.stamp());
        }
        List<String> pages = new ArrayList<>(FILES);
        pages.remove(SEARCH_INDEX);
        summaries.stream().filter(Sequence::hasHtml).forEach(s -> pages.add(s.id() + "/" + Sequence.SCRIPT));
        for (String page : pages) {
            FileStamp stamp = stamps.get(page);
            if (stamp == null || stamp.equals(FileStamp.ABSENT) || !stamp.matches(out.resolve(page))) return false;
        }
        return true;
    }

    /** Where a page goes: a corpus file or a document's nav.js, never elsewhere (ids may come from a copied cache). */
    private static Path pagePath(Path out, String page) {
        String[] parts = page.split("/", -1);
        boolean corpusPage = parts.length == 1 ? FILES.contains(page)
                : parts.length == 2 && OutputNames.isDocumentName(parts[0]) && parts[1].equals(Sequence.SCRIPT);
        if (!corpusPage) throw new IllegalStateException("refused to write \"" + page + "\": not a corpus page of the output folder");
        return out.resolve(page);
    }

    /** corpus.xsl's {@code sequence}: per document its neighbours, as XML. */
    private static XdmNode sequence(Xslt xslt, XdmNode corpus) {
        try {
            Xslt30Transformer t = xslt.get(STYLESHEET).load30();
            t.setGlobalContextItem(corpus);
            XdmDestination result = new XdmDestination();
            t.callTemplate(new QName("sequence"), result);
            return result.getXdmNode();
        } catch (SaxonApiException e) {
            throw new IllegalStateException("cannot order the corpus: " + e.getMessage(), e);
        }
    }

    private static byte[] run(Xslt xslt, XdmNode corpus, String template, String type, String baseUrl) {
        try {
            Xslt30Transformer t = xslt.get(STYLESHEET).load30();
            if (baseUrl != null) t.setStylesheetParameters(Map.of(new QName("base-url"), new XdmAtomicValue(baseUrl)));
            t.setGlobalContextItem(corpus);
            ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
            Serializer s = t.newSerializer(out);
            if (type != null) {
                t.setInitialTemplateParameters(Map.of(new QName("type"), new XdmAtomicValue(type)), false);
            }
            t.callTemplate(new QName(template), s);
            return out.toByteArray();
        } catch (SaxonApiException e) {
            throw new IllegalStateException("cannot make the corpus page '" + template + "': " + e.getMessage(), e);
        }
    }
}
