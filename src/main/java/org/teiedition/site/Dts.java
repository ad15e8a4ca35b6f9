package org.teiedition.site;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.TreeMap;
import net.sf.saxon.s9api.QName;
import net.sf.saxon.s9api.SaxonApiException;
import net.sf.saxon.s9api.Serializer;
import net.sf.saxon.s9api.XdmAtomicValue;
import net.sf.saxon.s9api.XdmItem;
import net.sf.saxon.s9api.XdmMap;
import net.sf.saxon.s9api.XdmNode;
import net.sf.saxon.s9api.XdmValue;
import net.sf.saxon.s9api.Xslt30Transformer;
import org.teiedition.editions.EditionRenderer;
import org.teiedition.editions.View;
import org.teiedition.transform.Xslt;
import org.teiedition.xml.SourceDocument;

/**
 * The static DTS 1.0 API under OUT/dts/ (xslt/site/dts.xsl: its URI templates): per document, made from its tree
 * when it is built, the navigation and the TEI of each citable unit; per corpus, from the summaries, the entry point
 * and the collections. Only with a base URL: the API's identifiers are absolute URLs.
 */
public final class Dts {
    static final String STYLESHEET = "xslt/site/dts.xsl";
    /** The API's folder under OUT. */
    public static final String FOLDER = "dts";

    private Dts() {
    }

    /** A document's files, by path under OUT: its navigation, each § as TEI, and its whole TEI ({@code source}). */
    public static Map<String, byte[]> documentFiles(EditionRenderer renderer, SourceDocument doc, byte[] source, String baseUrl)
            throws SaxonApiException {
        XdmNode reading = renderer.model(doc, View.READING, null);
        Map<String, byte[]> files = run(renderer.xslt(), reading, "document-files", Map.of(
                new QName("base-url"), new XdmAtomicValue(baseUrl), new QName("document"), new XdmAtomicValue(doc.name()),
                new QName("tei"), doc.node()));
        files.put("dts/document/" + doc.name() + ".xml", source);
        return files;
    }

    /** The entry point and the collections of the corpus, by path under OUT. */
    static Map<String, byte[]> corpusFiles(Xslt xslt, XdmNode corpus, String baseUrl) throws SaxonApiException {
        return run(xslt, corpus, "corpus-files", Map.of(new QName("base-url"), new XdmAtomicValue(baseUrl)));
    }

    /**
     * Removes the collection of each document no longer in the corpus: a file of dts/collection/ that is not among
     * the corpus's {@code written} (paths under OUT). The folder is this tool's.
     */
    static void removeOtherCollections(Path out, Set<String> written) throws IOException {
        Path folder = out.resolve(FOLDER).resolve("collection");
        if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) return;
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : files.filter(f -> f.getFileName().toString().endsWith(".jsonld")
                    && !written.contains(FOLDER + "/collection/" + f.getFileName())).toList()) {
                Files.deleteIfExists(f);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static Map<String, byte[]> run(Xslt xslt, XdmNode context, String template, Map<QName, XdmValue> params)
            throws SaxonApiException {
        Xslt30Transformer t = xslt.get(STYLESHEET).load30();
        t.setStylesheetParameters(params);
        t.setGlobalContextItem(context);
        XdmMap result = (XdmMap) t.callTemplate(new QName(template)).itemAt(0);
        Map<String, byte[]> files = new TreeMap<>();
        for (Map.Entry<XdmAtomicValue, XdmValue> e : result.entrySet()) {
            XdmItem value = e.getValue().itemAt(0);
            files.put(e.getKey().getStringValue(), value instanceof XdmNode node ? xml(xslt, node)
                    : value.getStringValue().getBytes(StandardCharsets.UTF_8));
        }
        return files;
    }

    private static byte[] xml(Xslt xslt, XdmNode node) throws SaxonApiException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(4096);
        Serializer s = xslt.processor().newSerializer(bytes);
        s.setOutputProperty(Serializer.Property.METHOD, "xml");
        s.setOutputProperty(Serializer.Property.ENCODING, "UTF-8");
        s.setOutputProperty(Serializer.Property.INDENT, "no");
        s.serializeNode(node);
        return bytes.toByteArray();
    }
}
