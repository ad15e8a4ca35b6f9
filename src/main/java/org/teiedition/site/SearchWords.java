package org.teiedition.site;

import java.text.Normalizer;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import net.sf.saxon.s9api.QName;
import net.sf.saxon.s9api.XdmNode;
import net.sf.saxon.s9api.XdmNodeKind;

/**
 * The words a reader finds a document by, from its reading view (the model): the title, correspondents, places and
 * dates of {@code m:meta}, the text, the commentary notes and the apparatus (lemmata, readings, textual notes), and
 * the register's name of every person, place and organisation the document names.
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
        Words words = new Words();
        Set<String> mentioned = new HashSet<>();
        for (XdmNode edition : model.children()) {
            for (XdmNode part : edition.children()) {
                if (part.getNodeKind() != XdmNodeKind.ELEMENT || !M.equals(part.getNodeName().getNamespace())) continue;
                String name = part.getNodeName().getLocalName();
                if (name.equals("meta")) {
                    for (XdmNode field : part.children()) {
                        String f = field.getNodeKind() == XdmNodeKind.ELEMENT ? field.getNodeName().getLocalName() : "";
                        if (f.equals("title") || f.equals("action")) collect(field, words);
                        if (f.equals("mentions")) {
                            for (XdmNode m : field.children()) if (m.getAttributeValue(REF) != null) mentioned.add(m.getAttributeValue(REF));
                        }
                    }
                } else if (name.equals("text") || name.equals("notes") || name.equals("apparatus")) {
                    collect(part, words);
                } else if (name.equals("registers")) {
                    // the name the register gives a person or place the document names ("Wien" for "hier")
                    for (XdmNode register : part.children()) {
                        for (XdmNode entry : register.children()) {
                            if (!mentioned.contains(entry.getAttributeValue(ID))) continue;
                            for (XdmNode label : entry.children()) {
                                if (label.getNodeKind() == XdmNodeKind.ELEMENT && label.getNodeName().getLocalName().equals("label")) {
                                    words.text(label.getStringValue());
                                    words.end();
                                }
                            }
                        }
                    }
                }
                words.end();
            }
        }
        return words.all;
    }

    /** The longest text of a document the search page shows snippets from: the index stays proportionate. */
    static final int SNIPPET_TEXT = 100_000;

    /**
     * The text of the reading view as the search page shows it around a hit: the text part only, a space wherever
     * words end (as for {@link #of}), white space collapsed, at most {@link #SNIPPET_TEXT} characters.
     */
    static String text(XdmNode model) {
        StringBuilder b = new StringBuilder();
        Words spaced = new Words() {
            @Override
            void text(CharSequence text) {
                if (b.length() < SNIPPET_TEXT) b.append(text);
            }

            @Override
            void end() {
                b.append(' ');
            }
        };
        for (XdmNode edition : model.children()) {
            for (XdmNode part : edition.children()) {
                if (part.getNodeKind() == XdmNodeKind.ELEMENT && M.equals(part.getNodeName().getNamespace())
                        && part.getNodeName().getLocalName().equals("text")) collect(part, spaced);
            }
        }
        String t = b.toString().replaceAll("\\s+", " ").strip();
        return t.length() <= SNIPPET_TEXT ? t : t.substring(0, SNIPPET_TEXT);
    }

    /** Adds the text under {@code node}; every element edge that separates words ends a word. */
    private static void collect(XdmNode node, Words words) {
        for (XdmNode child : node.children()) {
            switch (child.getNodeKind()) {
                case TEXT -> words.text(child.getStringValue());
                case ELEMENT -> {
                    String name = child.getNodeName().getLocalName();
                    boolean separates = SEPARATING.contains(name)
                            || name.equals("break") && child.getAttributeValue(JOIN) == null
                            || name.equals("inline") && "gap".equals(child.getAttributeValue(ROLE));
                    if (separates) words.end();
                    collect(child, words);
                    if (separates) words.end();
                }
                default -> {
                }
            }
        }
    }

    private static final QName JOIN = new QName("join");
    private static final QName ROLE = new QName("role");
    private static final QName REF = new QName("ref");
    private static final QName ID = new QName("id");

    /** The normalised, distinct words of a text, sorted. */
    static TreeSet<String> words(CharSequence text) {
        Words words = new Words();
        words.text(text);
        words.end();
        return words.all;
    }

    /**
     * Folds text as it comes (folding is per character, so a word split across inline elements folds as a whole)
     * and splits it into words at each {@link #end}: only the run since the last boundary is held.
     */
    private static class Words {
        final TreeSet<String> all = new TreeSet<>();
        private final StringBuilder run = new StringBuilder();

        void text(CharSequence text) {
            run.append(MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFKD)).replaceAll("").toLowerCase(Locale.ROOT));
        }

        void end() {
            if (run.length() == 0) return;
            for (String w : NON_WORD.split(run)) if (!w.isEmpty()) all.add(w);
            run.setLength(0);
        }
    }
}
