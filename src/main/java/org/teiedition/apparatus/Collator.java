package org.teiedition.apparatus;

import eu.interedition.collatex.CollationAlgorithmFactory;
import eu.interedition.collatex.Token;
import eu.interedition.collatex.VariantGraph;
import eu.interedition.collatex.matching.EqualityTokenComparator;
import eu.interedition.collatex.simple.SimpleToken;
import eu.interedition.collatex.simple.SimpleWitness;
import eu.interedition.collatex.util.VariantGraphRanking;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Collates plain witness texts with CollateX (Dekker algorithm) and writes the result as a TEI document in parallel
 * segmentation: the base text in {@code body/p}, one {@code app} per variant place.
 * <p>
 * Tokens are words, dashes and single punctuation marks, each with its trailing whitespace; CollateX compares a
 * token's normalised form only, so readings keep their original characters. Whitespace is compared by class (none,
 * space, paragraph break): a witness text rebuilt from the output ({@code witness --wit X}) is the input text after
 * whitespace normalisation, paragraph breaks included (those of one witness only become
 * {@code milestone unit="paragraph" edRef="#X"}).
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

    private static final Pattern RAW = Pattern.compile("([\\p{L}\\p{N}\\p{M}]+|-{2,}|[^\\s\\p{L}\\p{N}\\p{M}])(\\s*)");
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

    public Collator(Set<Normalization> normalizations) {
        this.norm = normalizations.isEmpty() ? EnumSet.noneOf(Normalization.class) : EnumSet.copyOf(normalizations);
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

    /** Collates the inputs (at least two); {@code base} is the siglum whose text the output's body carries. */
    public String collate(List<Input> inputs, String base) {
        if (inputs.size() < 2) throw new IllegalArgumentException("collation needs at least two witnesses");
        int n = inputs.size();
        int b = -1;
        for (int i = 0; i < n; i++) if (inputs.get(i).siglum().equals(base)) b = i;
        if (b < 0) throw new IllegalArgumentException("the base '" + base + "' is not one of the witnesses");

        List<List<Tok>> toks = new ArrayList<>();
        List<SimpleWitness> sws = new ArrayList<>();
        Map<Token, Integer> index = new IdentityHashMap<>();
        for (Input in : inputs) {
            List<Tok> t = tokenize(in.text());
            SimpleWitness sw = new SimpleWitness(in.siglum());
            List<Token> st = new ArrayList<>();
            for (int i = 0; i < t.size(); i++) {
                SimpleToken token = new SimpleToken(sw, t.get(i).text(), t.get(i).key());
                index.put(token, i);
                st.add(token);
            }
            sw.setTokens(st);
            toks.add(t);
            sws.add(sw);
        }
        VariantGraph graph = new VariantGraph();
        CollationAlgorithmFactory.dekker(new EqualityTokenComparator()).collate(graph, sws);

        // rank table -> per rank, per witness, the token index (or -1)
        List<int[]> table = new ArrayList<>();
        for (SortedMap<eu.interedition.collatex.Witness, Set<Token>> row : VariantGraphRanking.of(graph).asTable()) {
            int[] cells = new int[n];
            java.util.Arrays.fill(cells, -1);
            boolean any = false;
            for (int w = 0; w < n; w++) {
                Set<Token> cell = row.get(sws.get(w));
                if (cell == null || cell.isEmpty()) continue;
                if (cell.size() > 1) throw new IllegalStateException("CollateX put two tokens of " + inputs.get(w).siglum() + " in one rank");
                cells[w] = index.get(cell.iterator().next());
                any = true;
            }
            if (any) table.add(cells);
        }
        // every witness must come out complete and in order: the rebuild depends on it
        for (int w = 0; w < n; w++) {
            int next = 0;
            for (int[] cells : table) {
                if (cells[w] < 0) continue;
                if (cells[w] != next) throw new IllegalStateException("the alignment reorders the tokens of " + inputs.get(w).siglum());
                next++;
            }
            if (next != toks.get(w).size()) throw new IllegalStateException("the alignment lost tokens of " + inputs.get(w).siglum());
        }
        return new Writer(inputs, b, toks, table).write();
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

    /** Writes the TEI document from the rank table. */
    private final class Writer {
        private final List<Input> inputs;
        private final int base;
        private final List<List<Tok>> toks;
        private final List<int[]> table;
        private final StringBuilder x = new StringBuilder();

        Writer(List<Input> inputs, int base, List<List<Tok>> toks, List<int[]> table) {
            this.inputs = inputs;
            this.base = base;
            this.toks = toks;
            this.table = table;
        }

        String write() {
            header();
            x.append("  <text>\n    <body>\n      <p>");
            int n = inputs.size();
            // segments: the stretch between two agreeing tokens (or the text's edges), per witness
            String[] seg = new String[n];
            java.util.Arrays.fill(seg, "");
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
            x.append("</p>\n    </body>\n  </text>\n</TEI>\n");
            return x.toString().replace("<p></p>\n      ", "");
        }

        /** Whether a whitespace-only difference at this boundary is set aside by the normalisation options. */
        private boolean looseSpace(int[] before, int[] after) {
            for (int[] cells : new int[][] {before, after}) {
                if (cells == null) continue;
                for (int w = 0; w < cells.length; w++) {
                    Tok t = toks.get(w).get(cells[w]);
                    if (norm.contains(Normalization.DASHES) && t.kind() == Kind.DASH) return true;
                    if (norm.contains(Normalization.PUNCTUATION) && (t.merged() || t.kind() != Kind.WORD)) return true;
                }
            }
            if (after != null && norm.contains(Normalization.DASHES)) {
                // the space before a dash belongs to the token before it
                for (int w = 0; w < after.length; w++) {
                    int i = after[w] + 1;
                    if (i < toks.get(w).size() && toks.get(w).get(i).kind() == Kind.DASH) return true;
                }
            }
            return false;
        }

        private void segment(String[] s, int[] before, int[] after) {
            int n = s.length;
            String[] seg = s.clone();
            boolean allBlank = true;
            for (String v : seg) allBlank &= v.isBlank();
            if (allBlank && before != null && after != null && looseSpace(before, after)) java.util.Arrays.fill(seg, seg[base]);
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
                x.append("<app type=\"").append(accidental ? "accidental" : "substantive").append("\">");
                boolean first = true;
                for (List<Integer> g : groups.values()) {
                    String el = first ? "lem" : "rdg";
                    String wit = sigla(g).stream().map(sg -> "#" + sg).collect(Collectors.joining(" "));
                    String r = reading[g.get(0)];
                    x.append('<').append(el).append(" wit=\"").append(wit).append('"');
                    if (r.isEmpty()) {
                        x.append("/>");
                    } else {
                        x.append('>');
                        text(r, sigla(g));
                        x.append("</").append(el).append('>');
                    }
                    first = false;
                }
                x.append("</app>");
            }
            if (rightOut) space(trail);
        }

        /** Whitespace outside an app: a paragraph break if every witness breaks here, else a space and a milestone. */
        private void space(String[] ws) {
            List<Integer> breaking = new ArrayList<>();
            for (int w = 0; w < ws.length; w++) if (PARA.matcher(ws[w]).find()) breaking.add(w);
            if (breaking.size() == ws.length) {
                x.append("</p>\n      <p>");
                return;
            }
            x.append(breaking.contains(base) ? " " : escape(ws[base]));
            if (!breaking.isEmpty()) milestone(sigla(breaking));
        }

        /** Literal text; a paragraph break inside it becomes a milestone for the witnesses that read it. */
        private void text(String t, List<String> sigla) {
            Matcher m = PARA.matcher(t);
            int from = 0;
            while (m.find()) {
                x.append(escape(t.substring(from, m.start()))).append(' ');
                milestone(sigla);
                from = m.end();
            }
            x.append(escape(t.substring(from)));
        }

        private void milestone(List<String> sigla) {
            x.append("<milestone unit=\"paragraph\" edRef=\"")
                    .append(sigla.stream().map(s -> "#" + s).collect(Collectors.joining(" "))).append("\"/>");
        }

        private List<String> sigla(List<Integer> ws) {
            return ws.stream().sorted().map(w -> inputs.get(w).siglum()).toList();
        }

        private void header() {
            String names = inputs.stream().map(Input::siglum).collect(Collectors.joining(", "));
            x.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
            x.append("<TEI xmlns=\"").append(TEI_NS).append("\">\n  <teiHeader>\n    <fileDesc>\n      <titleStmt>\n");
            x.append("        <title>Collation of ").append(escape(names)).append("</title>\n      </titleStmt>\n");
            x.append("      <publicationStmt>\n        <p>Unpublished: made by tei-edition collate (CollateX, Dekker algorithm), base text ")
                    .append(escape(inputs.get(base).siglum())).append(".</p>\n      </publicationStmt>\n");
            x.append("      <sourceDesc>\n        <listWit>\n");
            for (Input in : inputs) {
                x.append("          <witness xml:id=\"").append(escape(in.siglum())).append("\">").append(escape(in.source()))
                        .append("</witness>\n");
            }
            x.append("        </listWit>\n      </sourceDesc>\n    </fileDesc>\n    <encodingDesc>\n");
            x.append("      <editorialDecl>\n        <normalization>\n          <p>");
            if (norm.isEmpty()) {
                x.append("None: every difference of characters is a variant; whitespace is compared as none, space or paragraph break.");
            } else {
                x.append("Not counted as variants (the comparison only; every reading keeps its original characters, and "
                        + "the text outside the apparatus is the base's): ")
                        .append(escape(norm.stream().map(Normalization::label).collect(Collectors.joining("; ")))).append('.');
            }
            x.append("</p>\n        </normalization>\n      </editorialDecl>\n");
            x.append("      <variantEncoding method=\"parallel-segmentation\" location=\"internal\"/>\n    </encodingDesc>\n");
            // the project schema (schema/tei-letter.rng) requires a correspDesc; a collation knows no correspondents
            x.append("    <profileDesc>\n      <correspDesc>\n        <note>A collation of witness texts: no correspondence "
                    + "metadata was given.</note>\n      </correspDesc>\n    </profileDesc>\n  </teiHeader>\n");
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

    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\r' -> b.append("&#13;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
