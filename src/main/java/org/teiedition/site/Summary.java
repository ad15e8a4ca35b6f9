package org.teiedition.site;

import java.nio.charset.StandardCharsets;

/**
 * What the corpus pages need of one built document, made right after its editions are written so the tree can be
 * dropped: the XML of xslt/site/summary.xsl (title, date, correspondents, prev/next pointers, entities, editions,
 * search words), made from the document's reading view, the model its pages were rendered from. Also the
 * incremental-build cache entry.
 *
 * @param id  the document's output name (OUT/&lt;id&gt;/)
 * @param key the build key of the source it was made from (see {@link BuildCache})
 * @param xml the serialized {@code <summary>} element, UTF-8
 */
public record Summary(String id, String key, byte[] xml) {
    /**
     * The cache entry of a document built on its own (no corpus pages: a single file, not part of a folder or a
     * shard): only its key, so that such a build neither compiles nor runs summary.xsl. A corpus build never reads
     * it: its build key differs (BuildCache.open: "single" or "corpus"), so the document is built again there.
     */
    public static Summary keyOnly(String id, String key) {
        String k = key == null ? "" : key;
        return new Summary(id, k, ("<summary id=\"" + xmlAttribute(id) + "\" key=\"" + k + "\"/>")
                .getBytes(StandardCharsets.UTF_8));
    }

    private static String xmlAttribute(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace("\"", "&quot;");
    }
}
