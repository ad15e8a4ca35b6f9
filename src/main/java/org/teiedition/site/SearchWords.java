package org.teiedition.site;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import net.sf.saxon.s9api.XdmNode;
import net.sf.saxon.s9api.XdmNodeKind;

/**
 * The words a reader finds a document by, from its reading view (the model): the title, correspondents, places and
 * dates of {@code m:meta}, the text, the commentary notes and the apparatus (lemmata, readings, textual notes).
 * Normalised as search.js normalises a query: NFKD, marks removed (accents, breathings; the long s becomes s), lower
 * case, split at everything that is not a letter or a digit. Words never run on across an element boundary that
 * separates words (a block, a line break without {@code @join}, a gap, a note or entry): the text is collected per
 * node in one pass, so the work is linear in the size of the document.
 */
final class SearchWords {
    private static final String M = "https://teiedition.org/ns/model";
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    /** Model elements whose edges separate words; inline elements (hi, name, entry marks...) do not. */
    private static final Set<String> SEPARATING = Set.of("block", "note", "entry", "lemma", "reading", "title",
            "correspondent", "place", "date", "action");

    private SearchWords() {
    }

    /** The distinct words of the reading view {@code model} (a document node with {@code m:edition}), sorted. */
    static TreeSet<String> of(XdmNode model) {
        StringBuilder text = new StringBuilder(64 * 1024);
        for (XdmNode edition : model.children()) {
            for (XdmNode part : edition.children()) {
                if (part.getNodeKind() != XdmNodeKind.ELEMENT || !M.equals(part.getNodeName().getNamespace())) continue;
                String name = part.getNodeName().getLocalName();
                if (name.equals("meta")) {
                    for (XdmNode field : part.children()) {
                        String f = field.getNodeKind() == XdmNodeKind.ELEMENT ? field.getNodeName().getLocalName() : "";
                        if (f.equals("title") || f.equals("action")) collect(field, text);
                    }
                } else if (name.equals("text") || name.equals("notes") || name.equals("apparatus")) {
                    collect(part, text);
                }
            }
        }
        return words(text);
    }

    /** Appends the text under {@code node}, with a space at every element edge that separates words. */
    private static void collect(XdmNode node, StringBuilder text) {
        for (XdmNode child : node.children()) {
            switch (child.getNodeKind()) {
                case TEXT -> text.append(child.getStringValue());
                case ELEMENT -> {
                    String name = child.getNodeName().getLocalName();
                    boolean separates = SEPARATING.contains(name)
                            || name.equals("break") && child.getAttributeValue(JOIN) == null
                            || name.equals("inline") && "gap".equals(child.getAttributeValue(ROLE));
                    if (separates) text.append(' ');
                    collect(child, text);
                    if (separates) text.append(' ');
                }
                default -> {
                }
            }
        }
    }

    private static final net.sf.saxon.s9api.QName JOIN = new net.sf.saxon.s9api.QName("join");
    private static final net.sf.saxon.s9api.QName ROLE = new net.sf.saxon.s9api.QName("role");

    /** The normalised, distinct words of a text, sorted. */
    static TreeSet<String> words(CharSequence text) {
        String folded = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFKD)).replaceAll("").toLowerCase(Locale.ROOT);
        TreeSet<String> words = new TreeSet<>();
        for (String w : NON_WORD.split(folded)) if (!w.isEmpty()) words.add(w);
        return words;
    }
}
