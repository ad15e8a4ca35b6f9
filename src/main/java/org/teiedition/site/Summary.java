package org.teiedition.site;

/**
 * What the corpus pages need of one built document, made right after its editions are written so the tree can be
 * dropped: the XML of xslt/site/summary.xsl (title, date, correspondents, prev/next pointers, entities, search
 * words). Also the incremental-build cache entry.
 *
 * @param id  the document's output name (OUT/&lt;id&gt;/)
 * @param key the build key of the source it was made from (see {@link BuildCache})
 * @param xml the serialized {@code <summary>} element, UTF-8
 */
public record Summary(String id, String key, byte[] xml) {
}
