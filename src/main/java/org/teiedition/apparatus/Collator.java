package org.teiedition.apparatus;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Collates plain witness texts with CollateX (Dekker algorithm) and writes the result as a TEI document in parallel
 * segmentation: the base text in {@code body/p}, one {@code app} per variant place.
 * <p>
 * Tokens are words, dashes and single punctuation marks, each with its trailing whitespace; CollateX compares a
 * token's normalised form only, so readings keep their original characters. A difference of spacing alone (a space
 * against none, as where a page or line break stood) is not a variant: the base's spacing is kept. Paragraph breaks
 * of one witness only become {@code milestone unit="paragraph" edRef="#X"}, so a witness text rebuilt from the
 * output ({@code witness --wit X}) is the input text with its spacing normalised, paragraph breaks included.
 */
public final class Collator {

    /** What may be set aside as not a variant. */
    public enum Normalization {
        /** upper and lower case */
        CASE,
        /** every punctuation mark (including dashes and quotation marks), and the spacing next to it */
        PUNCTUATION,
        /** dash forms: " -- ", "--", "–", "—" (with or without spaces) */
        DASHES,
        /** quotation-mark forms: straight or curly, single or double */
        QUOTES;

        public String label() {
            return switch (this) {
                case CASE -> "case (upper and lower case are not variants)";
                case PUNCTUATION -> "punctuation (punctuation marks and the spacing next to them are not variants)";
                case DASHES -> "dashes (\" -- \", \"--\", \"–\" and \"—\", spaced or not, are one form)";
                case QUOTES -> "quotation marks (straight and curly, single and double, are one form)";
            };
        }
    }

    /** One witness: its siglum (an XML name), its plain text, and where it came from (shown in the header). */
    public record Input(String siglum, String text, String source) {
    }

    static final Pattern RAW = Pattern.compile("([\\p{L}\\p{N}\\p{M}]+|-{2,}|[^\\s\\p{L}\\p{N}\\p{M}])(\\s*)");
    private static final Pattern DASH = Pattern.compile("-{2,}|[\u2012\u2013\u2014\u2015]");
    private static final String QUOTE_CHARS = "\"'\u2018\u2019\u201A\u201B\u201C\u201D\u201E\u201F\u00AB\u00BB\u2039\u203A";
    private static final Pattern PARA = Pattern.compile("\\n[ \\t\\x0B\\f\\r]*\\n");
    static final String TEI_NS = "http://www.tei-c.org/ns/1.0";

    private enum Kind { WORD, DASH, QUOTE, PUNCT }

    /** A token as CollateX sees it: {@code core} (original text without the trailing whitespace), {@code ws}, {@code key}. */
    private record Tok(String core, String ws, String key, Kind kind, boolean merged) {
        String text() {
            return core + ws;
        }
    }

    private final Set<Normalization> norm;
    private final boolean exactSpacing;

    /** @param exactSpacing a difference of spacing alone is an entry too, so that every witness rebuilds exactly */
    public Collator(Set<Normalization> normalizations, boolean exactSpacing) {
        this.norm = normalizations.isEmpty() ? EnumSet.noneOf(Normalization.class) : EnumSet.copyOf(normalizations);
        this.exactSpacing = exactSpacing;
    }

    // ------------------------------------------------------------------ tokens

    List<Tok> tokenize(String text) {
        record Raw(String core, String ws, Kind kind) {
        }
        List<Raw> raw = new ArrayList<>();
        Matcher m = RAW.matcher(text.strip());
        while (m.find()) {
            String c = m.group(1);
            Kind k = Character.isLetterOrDigit(c.codePointAt(0)) || Character.getType(c.codePointAt(0)) == Character.NON_SPACING_MARK
                    ? Kind.WORD : DASH.matcher(c).matches() ? Kind.DASH : QUOTE_CHARS.indexOf(c.charAt(0)) >= 0 ? Kind.QUOTE : Kind.PUNCT;
            raw.add(new Raw(c, m.group(2), k));
        }
        boolean dropPunct = norm.contains(Normalization.PUNCTUATION) && raw.stream().anyMatch(r -> r.kind() == Kind.WORD);
        List<Tok> out = new ArrayList<>();
        StringBuilder pending = new StringBuilder(); // ignorable marks before the first word
        for (Raw r : raw) {
            boolean ignorable = dropPunct && r.kind() != Kind.WORD;
            if (ignorable) {
                // a mark right after a token ("Chairman:", "weekend—") belongs to it; one after a space
                // ("/s/John", "-- in", the opening quote) to the next word
                if (!out.isEmpty() && pending.isEmpty() && out.get(out.size() - 1).ws().isEmpty()) {
                    Tok last = out.remove(out.size() - 1);
                    out.add(new Tok(last.core() + r.core(), r.ws(), last.key(), last.kind(), true));
                } else {
                    pending.append(r.core()).append(r.ws());
                }
                continue;
            }
            out.add(new Tok(pending + r.core(), r.ws(), key(r.core(), r.kind()), r.kind(), pending.length() > 0));
            pending.setLength(0);
        }
        if (pending.length() > 0 && !out.isEmpty()) {
            Tok last = out.remove(out.size() - 1);
            String rest = pending.toString();
            String core = rest.stripTrailing();
            out.add(new Tok(last.core() + last.ws() + core, rest.substring(core.length()), last.key(), last.kind(), true));
        }
        return out;
    }

    private String key(String core, Kind kind) {
        String k = core;
        if (kind == Kind.DASH && norm.contains(Normalization.DASHES)) k = "\u2014";
        if (kind == Kind.QUOTE && norm.contains(Normalization.QUOTES)) k = "\"";
        if (norm.contains(Normalization.CASE)) k = k.toLowerCase(Locale.ROOT);
        return k;
    }

    // ------------------------------------------------------------------ alignment

    /**
     * What of the witnesses is collated: from the first occurrence of the witness's {@code from} phrase (by siglum;
     * spacing free), to the end of the first occurrence of its {@code to} phrase after that; a side without a phrase is trimmed to the
     * span the witnesses share when {@code trim} is set (the first and last run of {@value #ANCHOR} tokens that all
     * witnesses read alike), else kept whole.
     */
    public record Span(Map<String, String> from, Map<String, String> to, boolean trim) {
    }

    /** The collation as TEI, and one line per witness and side saying what was left out (empty when nothing was). */
    public record Result(String tei, List<String> leftOut) {
    }

    /** A phrase given with --from/--to that a witness does not contain. */
    public static final class PhraseNotFoundException extends IllegalArgumentException {
        public PhraseNotFoundException(String siglum, String option, String phrase) {
            super("witness " + siglum + " does not contain the " + option + " phrase \"" + phrase + "\"");
        }
    }

    /** Agreeing tokens in a row that mark the start or end of the shared text. */
    static final int ANCHOR = 3;
    /** The shared text starts where, of the next WINDOW ranks, at least DENSITY agree (and ends likewise). */
    private static final int WINDOW = 12;
    private static final double DENSITY = 0.6;
    /** Tokens kept around the shared text for the second alignment. */
    private static final int MARGIN = 40;
    /** Differing ranks between two runs of agreement that still belong to the shared text (a variant, not framing). */
    private static final int GAP = 8;

    /** Collates the part of the inputs that {@code span} selects, and says what was left out. */
    public Result collate(List<Input> inputs, String base, Span span) {
        if (inputs.size() < 2) throw new IllegalArgumentException("collation needs at least two witnesses");
        int n = inputs.size();
        int b = -1;
        for (int i = 0; i < n; i++) if (inputs.get(i).siglum().equals(base)) b = i;
        if (b < 0) throw new IllegalArgumentException("the base '" + base + "' is not one of the witnesses");

        String[][] cut = new String[n][2]; // per witness: the text left out before and after
        List<List<Tok>> toks = new ArrayList<>();
        for (int w = 0; w < n; w++) {
            Input in = inputs.get(w);
            String text = in.text().strip();
            int start = 0, end = text.length();
            String from = span.from().get(in.siglum()), to = span.to().get(in.siglum());
            if (from != null) start = find(text, from, 0, in.siglum(), "--from").start();
            if (to != null) end = find(text, to, start, in.siglum(), "--to").end();
            cut[w][0] = text.substring(0, start);
            cut[w][1] = text.substring(end);
            toks.add(tokenize(text.substring(start, end)));
        }
        List<int[]> table = align(inputs, toks);
        boolean head = span.trim() && span.from().isEmpty(), tail = span.trim() && span.to().isEmpty();
        if (head || tail) {
            // found on a first alignment, which framing texts can confuse; then aligned again with a margin
            // around it, which finds the shared text's first and last words exactly; then without the margin
            int[][] bounds = shared(toks, table);
            if (bounds != null) {
                for (int w = 0; w < n; w++) {
                    List<Tok> t = toks.get(w);
                    int from = head ? Math.max(0, bounds[0][w] - MARGIN) : 0, to = tail ? Math.min(t.size(), bounds[1][w] + 1 + MARGIN) : t.size();
                    cut(toks, cut, w, from, to);
                }
                table = align(inputs, toks);
                bounds = shared(toks, table);
                if (bounds != null) {
                    for (int w = 0; w < n; w++) cut(toks, cut, w, head ? bounds[0][w] : 0, tail ? bounds[1][w] + 1 : toks.get(w).size());
                    table = align(inputs, toks);
                }
            }
        }
        List<String> report = new ArrayList<>();
        List<Input> described = new ArrayList<>();
        for (int w = 0; w < n; w++) {
            Input in = inputs.get(w);
            List<String> parts = new ArrayList<>();
            if (!cut[w][0].isBlank()) parts.add(leftOut("before", cut[w][0]));
            if (!cut[w][1].isBlank()) parts.add(leftOut("after", cut[w][1]));
            parts.forEach(p -> report.add(in.siglum() + ": " + p));
            described.add(parts.isEmpty() ? in : new Input(in.siglum(), in.text(), in.source() + "; left out of the collation: "
                    + String.join("; ", parts)));
        }
        try {
            return new Result(new Writer(described, b, toks, table).write(), report);
        } catch (XMLStreamException e) {
            throw new IllegalStateException("writing the collation failed", e); // a StringWriter does not fail
        }
    }

    /**
     * The first and last token of the shared text per witness ({@code [0][w]}, {@code [1][w]}), or null when the
     * witnesses share no run of {@value #ANCHOR} tokens.
     */
    private int[][] shared(List<List<Tok>> toks, List<int[]> table) {
        int size = table.size(), first = -1, last = -1;
        boolean[] agree = new boolean[size];
        for (int r = 0; r < size; r++) agree[r] = agree(toks, table.get(r));
        for (int r = 0; r < size && first < 0; r++) if (anchor(agree, r, 1)) first = r;
        for (int r = size - 1; r >= 0 && last < 0; r--) if (anchor(agree, r, -1)) last = r;
        if (first < 0 || last < first) return null;
        first = extend(agree, first, -1);
        last = extend(agree, last, 1);
        return new int[][] {table.get(first).clone(), table.get(last).clone()};
    }

    /**
     * From the dense core outwards: the farthest run of {@value #ANCHOR} agreeing ranks that is reached over gaps of at
     * most {@value #GAP} differing ranks (the variants at a text's edges, such as a signature mark).
     */
    private static int extend(boolean[] agree, int r, int dir) {
        int best = r, gap = 0;
        for (int i = r + dir; i >= 0 && i < agree.length && gap <= GAP; ) {
            int len = 0;
            while (i + dir * len >= 0 && i + dir * len < agree.length && agree[i + dir * len]) len++;
            if (len >= ANCHOR) {
                best = i + dir * (len - 1);
                gap = 0;
                i = best + dir;
            } else {
                gap += Math.max(1, len);
                i += dir * Math.max(1, len);
            }
        }
        return best;
    }

    /** A run of agreeing ranks from r in direction dir, in a window that mostly agrees. */
    static boolean anchor(boolean[] agree, int r, int dir) {
        int window = Math.min(WINDOW, agree.length), hits = 0;
        for (int k = 0; k < ANCHOR; k++) {
            int i = r + dir * k;
            if (i < 0 || i >= agree.length || !agree[i]) return false;
        }
        for (int k = 0; k < window; k++) {
            int i = r + dir * k;
            if (i >= 0 && i < agree.length && agree[i]) hits++;
        }
        return hits >= DENSITY * window;
    }

    /** Keeps tokens [from, to) of witness w; what is cut goes to the left-out text. The last token's spacing goes too. */
    private static void cut(List<List<Tok>> toks, String[][] cut, int w, int from, int to) {
        List<Tok> t = toks.get(w);
        cut[w][0] += joined(t.subList(0, from));
        cut[w][1] = joined(t.subList(to, t.size())) + cut[w][1];
        List<Tok> kept = new ArrayList<>(t.subList(from, to));
        if (!kept.isEmpty()) {
            Tok end = kept.remove(kept.size() - 1);
            if (to < t.size()) cut[w][1] = end.ws() + cut[w][1];
            kept.add(new Tok(end.core(), "", end.key(), end.kind(), end.merged()));
        }
        toks.set(w, kept);
    }

    private static Matcher find(String text, String phrase, int from, String siglum, String option) {
        String[] words = phrase.strip().split("\\s+");
        String regex = String.join("\\s+", Arrays.stream(words).map(Pattern::quote).toList());
        Matcher m = Pattern.compile(regex).matcher(text);
        if (phrase.isBlank() || !m.find(from)) throw new PhraseNotFoundException(siglum, option, phrase);
        return m;
    }

    private static String joined(List<Tok> toks) {
        StringBuilder b = new StringBuilder();
        toks.forEach(t -> b.append(t.text()));
        return b.toString();
    }

    /** "before the collated text: 12 words, “Digital History … 1962”". */
    private static String leftOut(String side, String text) {
        String[] words = text.strip().split("\\s+");
        String quoted = words.length <= 8 ? String.join(" ", words)
                : String.join(" ", Arrays.asList(words).subList(0, 4)) + " … "
                        + String.join(" ", Arrays.asList(words).subList(words.length - 4, words.length));
        return side + " the collated text, " + words.length + (words.length == 1 ? " word" : " words") + ": \u201C" + quoted + "\u201D";
    }

    /** The rank table of a CollateX (Dekker) alignment: per rank, per witness, the token index or -1. */
    private List<int[]> align(List<Input> inputs, List<List<Tok>> toks) {
        List<List<String[]>> tokens = new ArrayList<>();
        for (List<Tok> t : toks) tokens.add(t.stream().map(k -> new String[] {k.text(), k.key()}).toList());
        return rankTable(inputs.stream().map(Input::siglum).toList(), tokens);
    }

    /** The rank table of an alignment of token lists ({text, key} each, compared by key): {@link Alignment}. */
    static List<int[]> rankTable(List<String> sigla, List<List<String[]>> tokens) {
        return Alignment.rankTable(sigla, tokens);
    }

    private boolean agree(List<List<Tok>> toks, int[] cells) {
        String key = null;
        for (int w = 0; w < cells.length; w++) {
            if (cells[w] < 0) return false;
            String k = toks.get(w).get(cells[w]).key();
            if (key == null) key = k;
            else if (!key.equals(k)) return false;
        }
        return true;
    }

    // ------------------------------------------------------------------ TEI output

    /**
     * Writes the TEI document from the rank table with the JDK's XMLStreamWriter, which does the escaping.
     * The layout (line breaks, indentation) is written as text, so the output is what it was when it was
     * concatenated by hand.
     */
    private final class Writer {
        private final List<Input> inputs;
        private final int base;
        private final List<List<Tok>> toks;
        private final List<int[]> table;
        private final StringWriter out = new StringWriter();
        private final XMLStreamWriter x;
        /** Nothing has been written into the current body paragraph yet: a paragraph break there is dropped. */
        private boolean emptyParagraph;

        Writer(List<Input> inputs, int base, List<List<Tok>> toks, List<int[]> table) throws XMLStreamException {
            this.inputs = inputs;
            this.base = base;
            this.toks = toks;
            this.table = table;
            // newDefaultFactory, not newInstance: the JDK's writer, whatever JAXP implementation is on the classpath
            this.x = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out);
        }

        String write() throws XMLStreamException {
            header();
            chars("  ");
            open("text", "\n    ");
            open("body", "\n      ");
            start("p");
            emptyParagraph = true;
            int n = inputs.size();
            // segments: the stretch between two agreeing tokens (or the text's edges), per witness
            String[] seg = new String[n];
            Arrays.fill(seg, "");
            int[] prevAgreed = null;
            for (int[] cells : table) {
                if (agree(toks, cells)) {
                    segment(seg, prevAgreed, cells);
                    Tok bt = toks.get(base).get(cells[base]);
                    text(bt.core(), List.of(inputs.get(base).siglum()));
                    for (int w = 0; w < n; w++) seg[w] = toks.get(w).get(cells[w]).ws();
                    prevAgreed = cells;
                } else {
                    for (int w = 0; w < n; w++) if (cells[w] >= 0) seg[w] += toks.get(w).get(cells[w]).text();
                }
            }
            segment(seg, prevAgreed, null);
            end("\n    "); // p
            end("\n  "); // body
            end("\n"); // text
            end("\n"); // TEI
            x.writeEndDocument();
            x.close();
            return out.toString();
        }

        private void start(String name) throws XMLStreamException {
            x.writeStartElement(TEI_NS, name);
        }

        /** Starts an element and writes the layout that follows its start tag. */
        private void open(String name, String after) throws XMLStreamException {
            start(name);
            chars(after);
        }

        /** Ends the open element and writes the layout that follows it. */
        private void end(String after) throws XMLStreamException {
            x.writeEndElement();
            chars(after);
        }

        /** An element with text only, on a line of its own: {@code indent<name>text</name>\n}. */
        private void line(String indent, String name, String text) throws XMLStreamException {
            chars(indent);
            start(name);
            chars(text);
            end("\n");
        }

        /**
         * Text, escaped by the writer (&lt; &gt; &amp;). A CR is written as a reference, which the writer leaves raw
         * (a parser would read LF); a double quote as {@code &quot;}, as the output has always had it.
         */
        private void chars(String s) throws XMLStreamException {
            int from = 0;
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c != '\r' && c != '"') continue;
                x.writeCharacters(s.substring(from, i));
                x.writeEntityRef(c == '\r' ? "#13" : "quot");
                from = i + 1;
            }
            x.writeCharacters(s.substring(from));
        }

        /** Text inside a body paragraph. */
        private void bodyChars(String s) throws XMLStreamException {
            if (s.isEmpty()) return;
            chars(s);
            emptyParagraph = false;
        }

        private void segment(String[] s, int[] before, int[] after) throws XMLStreamException {
            int n = s.length;
            String[] seg = s.clone();
            boolean allBlank = true;
            for (String v : seg) allBlank &= v.isBlank();
            if (allBlank && !exactSpacing) {
                // spacing alone (a space against none, as around a page or line break) is not a variant: the base's
                // spacing, and a paragraph milestone for the witnesses that break here
                boolean baseBreaks = PARA.matcher(seg[base]).find();
                for (int w = 0; w < n; w++) if (!PARA.matcher(seg[w]).find()) seg[w] = baseBreaks ? " " : seg[base];
                if (before != null && after != null) space(seg);
                return;
            }
            String[] lead = new String[n], core = new String[n], trail = new String[n];
            for (int w = 0; w < n; w++) {
                String v = seg[w];
                String c = v.strip();
                core[w] = c;
                if (c.isEmpty()) {
                    lead[w] = v;
                    trail[w] = v;
                } else {
                    int i = v.indexOf(c);
                    lead[w] = v.substring(0, i);
                    trail[w] = v.substring(i + c.length());
                }
            }
            boolean allCoreEmpty = true;
            boolean leftOut = true, rightOut = true;
            for (int w = 0; w < n; w++) {
                allCoreEmpty &= core[w].isEmpty();
                leftOut &= !lead[w].isEmpty();
                rightOut &= !trail[w].isEmpty();
            }
            if (allCoreEmpty) rightOut = false;
            String[] reading = new String[n];
            for (int w = 0; w < n; w++) {
                if (core[w].isEmpty()) reading[w] = leftOut || rightOut ? "" : seg[w];
                else reading[w] = (leftOut ? "" : lead[w]) + core[w] + (rightOut ? "" : trail[w]);
            }
            if (leftOut) space(lead);
            // group the witnesses by reading (whitespace compared by class)
            Map<String, List<Integer>> groups = new LinkedHashMap<>();
            groups.computeIfAbsent(canonical(reading[base]), k -> new ArrayList<>()).add(base);
            for (int w = 0; w < n; w++) if (w != base) groups.computeIfAbsent(canonical(reading[w]), k -> new ArrayList<>()).add(w);
            if (groups.size() == 1) {
                text(reading[base], sigla(groups.values().iterator().next()));
            } else {
                boolean accidental = groups.keySet().stream().map(Collator::words).distinct().count() == 1;
                start("app");
                x.writeAttribute("type", accidental ? "accidental" : "substantive");
                emptyParagraph = false;
                boolean first = true;
                for (List<Integer> g : groups.values()) {
                    String el = first ? "lem" : "rdg";
                    String wit = sigla(g).stream().map(sg -> "#" + sg).collect(Collectors.joining(" "));
                    String r = reading[g.get(0)];
                    if (r.isEmpty()) {
                        x.writeEmptyElement(TEI_NS, el);
                        x.writeAttribute("wit", wit);
                    } else {
                        start(el);
                        x.writeAttribute("wit", wit);
                        text(r, sigla(g));
                        x.writeEndElement();
                    }
                    first = false;
                }
                x.writeEndElement(); // app
            }
            if (rightOut) space(trail);
        }

        /** Whitespace outside an app: a paragraph break if every witness breaks here, else a space and a milestone. */
        private void space(String[] ws) throws XMLStreamException {
            List<Integer> breaking = new ArrayList<>();
            for (int w = 0; w < ws.length; w++) if (PARA.matcher(ws[w]).find()) breaking.add(w);
            if (breaking.size() == ws.length) {
                if (emptyParagraph) return; // no empty paragraph before another one
                end("\n      ");
                start("p");
                emptyParagraph = true;
                return;
            }
            bodyChars(breaking.contains(base) ? " " : ws[base]);
            if (!breaking.isEmpty()) milestone(sigla(breaking));
        }

        /** Literal text; a paragraph break inside it becomes a milestone for the witnesses that read it. */
        private void text(String t, List<String> sigla) throws XMLStreamException {
            Matcher m = PARA.matcher(t);
            int from = 0;
            while (m.find()) {
                bodyChars(t.substring(from, m.start()) + " ");
                milestone(sigla);
                from = m.end();
            }
            bodyChars(t.substring(from));
        }

        private void milestone(List<String> sigla) throws XMLStreamException {
            x.writeEmptyElement(TEI_NS, "milestone");
            x.writeAttribute("unit", "paragraph");
            x.writeAttribute("edRef", sigla.stream().map(s -> "#" + s).collect(Collectors.joining(" ")));
            emptyParagraph = false;
        }

        private List<String> sigla(List<Integer> ws) {
            return ws.stream().sorted().map(w -> inputs.get(w).siglum()).toList();
        }

        private void header() throws XMLStreamException {
            String names = inputs.stream().map(Input::siglum).collect(Collectors.joining(", "));
            x.writeStartDocument("UTF-8", "1.0");
            chars("\n");
            x.setDefaultNamespace(TEI_NS);
            start("TEI");
            x.writeDefaultNamespace(TEI_NS);
            chars("\n  ");
            open("teiHeader", "\n    ");
            open("fileDesc", "\n      ");
            open("titleStmt", "\n");
            line("        ", "title", "Collation of " + names);
            chars("      ");
            end("\n      "); // titleStmt
            open("publicationStmt", "\n");
            line("        ", "p", "Unpublished: made by tei-edition collate (CollateX, Dekker algorithm), base text "
                    + inputs.get(base).siglum() + ".");
            chars("      ");
            end("\n      "); // publicationStmt
            open("sourceDesc", "\n        ");
            open("listWit", "\n");
            for (Input in : inputs) {
                chars("          ");
                start("witness");
                x.writeAttribute("xml", XMLConstants.XML_NS_URI, "id", in.siglum());
                chars(in.source());
                end("\n");
            }
            chars("        ");
            end("\n      "); // listWit
            end("\n    "); // sourceDesc
            end("\n    "); // fileDesc
            open("encodingDesc", "\n      ");
            open("editorialDecl", "\n        ");
            open("normalization", "\n");
            line("          ", "p", norm.isEmpty()
                    ? "None: every difference of characters is a variant; whitespace is compared as none, space or paragraph break."
                    : "Not counted as variants (the comparison only; every reading keeps its original characters, and "
                            + "the text outside the apparatus is the base's): "
                            + norm.stream().map(Normalization::label).collect(Collectors.joining("; ")) + ".");
            chars("        ");
            end("\n      "); // normalization
            end("\n      "); // editorialDecl
            x.writeEmptyElement(TEI_NS, "variantEncoding");
            x.writeAttribute("method", "parallel-segmentation");
            x.writeAttribute("location", "internal");
            chars("\n    ");
            end("\n    "); // encodingDesc
            // the project schema (schema/tei-letter.rng) requires a correspDesc; a collation knows no correspondents
            open("profileDesc", "\n      ");
            open("correspDesc", "\n");
            chars("        ");
            start("note");
            x.writeAttribute("type", "editorial"); // the project's rules want every note typed
            chars("A collation of witness texts: no correspondence metadata was given.");
            end("\n");
            chars("      ");
            end("\n    "); // correspDesc
            end("\n  "); // profileDesc
            end("\n"); // teiHeader
        }
    }

    /** Whitespace runs as one space or one paragraph mark: the form in which readings are compared and grouped. */
    static String canonical(String s) {
        return PARA.matcher(s).replaceAll("\u00B6").replaceAll("[\\s&&[^\u00B6]]+", " ").replaceAll(" ?\u00B6 ?", "\u00B6");
    }

    /** The words of a reading (letters and digits, lower case): equal words = an accidental variant. */
    static String words(String s) {
        return String.join(" ", s.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}\\p{M}]+")).strip();
    }
}
