package org.teiedition.site;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javax.xml.transform.sax.SAXSource;
import net.sf.saxon.s9api.SaxonApiException;
import net.sf.saxon.s9api.XdmNode;
import org.teiedition.Hashes;
import org.teiedition.transform.Xslt;
import org.teiedition.xml.SecureXml;
import org.xml.sax.InputSource;

/**
 * The documents of a corpus as the corpus step sees them: their {@link Summary summaries} in id order, read once
 * into one tree ({@code <corpus>}) that the corpus pages and the publication files are made from, and a hash of what
 * those files can show (every summary without its words), which says when they must be made again.
 */
public final class Corpus {
    private final List<Summary> summaries;
    private final XdmNode tree;
    private final String metadataHash;

    private Corpus(List<Summary> summaries, XdmNode tree, String metadataHash) {
        this.summaries = summaries;
        this.tree = tree;
        this.metadataHash = metadataHash;
    }

    /** The corpus of {@code summaries} (the same document from two shards counts once). */
    public static Corpus of(Xslt xslt, List<Summary> summaries) {
        List<Summary> sorted = new ArrayList<>();
        String last = null;
        for (Summary s : summaries.stream().sorted(Comparator.comparing(Summary::id)).toList()) {
            if (!s.id().equals(last)) sorted.add(s);
            last = s.id();
        }
        return new Corpus(List.copyOf(sorted), tree(xslt, sorted), metadataHash(sorted));
    }

    /** In id order, so that nothing made from them depends on the order documents were built in. */
    public List<Summary> summaries() {
        return summaries;
    }

    /** {@code <corpus>} with every summary in id order. */
    public XdmNode tree() {
        return tree;
    }

    /** Hash of the tool, its stylesheets and every summary without its words and key. */
    public String metadataHash() {
        return metadataHash;
    }

    private static XdmNode tree(Xslt xslt, List<Summary> sorted) {
        ByteArrayOutputStream xml = new ByteArrayOutputStream();
        xml.writeBytes("<corpus>".getBytes(StandardCharsets.UTF_8));
        for (Summary s : sorted) xml.writeBytes(s.xml());
        xml.writeBytes("</corpus>".getBytes(StandardCharsets.UTF_8));
        try {
            return xslt.processor().newDocumentBuilder().build(new SAXSource(SecureXml.newReader(xml.size()),
                    new InputSource(new ByteArrayInputStream(xml.toByteArray()))));
        } catch (SaxonApiException e) {
            throw new IllegalStateException("unreadable document summaries: " + e.getMessage(), e);
        }
    }

    private static String metadataHash(List<Summary> sorted) {
        MessageDigest d = Hashes.sha256();
        d.update((BuildCache.version() + "\n" + BuildCache.stylesheetsHash() + "\n").getBytes(StandardCharsets.UTF_8));
        for (Summary s : sorted) {
            String xml = new String(s.xml(), StandardCharsets.UTF_8);
            int end = xml.lastIndexOf("<words>");
            // nor the source hash: an edit that changes only words must not remake the HTML pages
            String meta = (end < 0 ? xml : xml.substring(0, end)).replaceFirst(" key=\"[0-9a-f]*\"", "");
            d.update(meta.getBytes(StandardCharsets.UTF_8));
            d.update((byte) 0);
        }
        return Hashes.hex(d.digest());
    }
}
