package org.teiedition.apparatus;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import eu.interedition.collatex.CollationAlgorithmFactory;
import eu.interedition.collatex.Token;
import eu.interedition.collatex.VariantGraph;
import eu.interedition.collatex.matching.EqualityTokenComparator;
import eu.interedition.collatex.simple.SimpleToken;
import eu.interedition.collatex.simple.SimpleWitness;
import eu.interedition.collatex.util.VariantGraphRanking;

/**
 * The rank table of an alignment of witnesses' tokens by CollateX's Dekker algorithm, made stretch by stretch.
 * Dekker's matching of a whole text costs more than linear time and memory in its length (eight witnesses of 5,000
 * words: over two minutes and 1.4 GB), so the witnesses are first cut at runs of agreement that cannot be aligned
 * otherwise: around a token that every witness has exactly once (in the same order as the other such tokens), the
 * longest run of tokens that all witnesses have alike, at least {@value #MIN_RUN} long. Dekker would match such a run
 * as one island; here its tokens are ranks where all witnesses agree, and each stretch between two runs is aligned by
 * Dekker on its own. Where the whole text's alignment and this one differ, a run no longer lends its edge tokens to a
 * variant beside it: a token all witnesses share stays outside the entries around it.
 */
final class Alignment {
    /** The shortest run of agreement the witnesses are cut at. */
    static final int MIN_RUN = 5;

    private Alignment() {
    }

    /**
     * Per rank, per witness, the index of its token there or -1; every witness complete and in order.
     *
     * @param tokens per witness, its tokens as {text, key}: tokens are compared by key
     */
    static List<int[]> rankTable(List<String> sigla, List<List<String[]>> tokens) {
        int n = sigla.size();
        List<int[]> table = new ArrayList<>();
        int[] from = new int[n];
        List<int[]> runs = new ArrayList<>(runs(tokens));
        int[] end = new int[n + 1];
        for (int w = 0; w < n; w++) end[w] = tokens.get(w).size();
        runs.add(end);
        for (int[] run : runs) {
            List<List<String[]>> stretch = new ArrayList<>();
            for (int w = 0; w < n; w++) stretch.add(tokens.get(w).subList(from[w], run[w]));
            for (int[] row : dekker(sigla, stretch)) {
                int[] shifted = new int[n];
                for (int w = 0; w < n; w++) shifted[w] = row[w] < 0 ? -1 : row[w] + from[w];
                table.add(shifted);
            }
            int length = run[n];
            for (int d = 0; d < length; d++) {
                int[] row = new int[n];
                for (int w = 0; w < n; w++) row[w] = run[w] + d;
                table.add(row);
            }
            for (int w = 0; w < n; w++) from[w] = run[w] + length;
        }
        // every witness must come out complete and in order: the rebuild depends on it
        for (int w = 0; w < n; w++) {
            int next = 0;
            for (int[] cells : table) {
                if (cells[w] < 0) continue;
                if (cells[w] != next) throw new IllegalStateException("the alignment reorders the tokens of " + sigla.get(w));
                next++;
            }
            if (next != tokens.get(w).size()) throw new IllegalStateException("the alignment lost tokens of " + sigla.get(w));
        }
        return table;
    }

    /**
     * The runs of agreement, in text order: per run, where it starts in each witness, then its length. Found from the
     * tokens whose key every witness has exactly once, chained in the same order in every witness, each widened to
     * the longest run of keys alike in all witnesses around it (not reaching into the run before).
     */
    static List<int[]> runs(List<List<String[]>> tokens) {
        int n = tokens.size();
        List<int[]> runs = new ArrayList<>();
        int[] floor = new int[n]; // where the run before ends, per witness
        for (int[] at : anchors(tokens)) {
            if (!runs.isEmpty()) {
                int[] last = runs.get(runs.size() - 1);
                if (at[0] < last[0] + last[n]) continue; // inside the run before
            }
            int left = 0, right = 0;
            while (alike(tokens, at, -(left + 1), floor)) left++;
            while (alike(tokens, at, right + 1, floor)) right++;
            if (left + 1 + right < MIN_RUN) continue;
            int[] run = new int[n + 1];
            for (int w = 0; w < n; w++) {
                run[w] = at[w] - left;
                floor[w] = at[w] + right + 1;
            }
            run[n] = left + 1 + right;
            runs.add(run);
        }
        return runs;
    }

    /** Whether every witness has, {@code d} tokens from the anchor, the same key, after {@code floor}. */
    private static boolean alike(List<List<String[]>> tokens, int[] at, int d, int[] floor) {
        String key = null;
        for (int w = 0; w < tokens.size(); w++) {
            List<String[]> t = tokens.get(w);
            int i = at[w] + d;
            if (i < floor[w] || i >= t.size()) return false;
            if (key == null) key = t.get(i)[1];
            else if (!key.equals(t.get(i)[1])) return false;
        }
        return true;
    }

    /**
     * The tokens whose key every witness has exactly once, in text order, as the longest chain that is in the same
     * order in every witness: per anchor, its token's index in each witness.
     */
    static List<int[]> anchors(List<List<String[]>> tokens) {
        int n = tokens.size();
        Map<String, int[]> where = new HashMap<>();
        for (int w = 0; w < n; w++) {
            List<String[]> t = tokens.get(w);
            for (int i = 0; i < t.size(); i++) {
                int[] at = where.computeIfAbsent(t.get(i)[1], k -> fresh(n));
                at[w] = at[w] == -1 ? i : -2; // -2: more than once
            }
        }
        List<int[]> candidates = new ArrayList<>();
        for (int[] at : where.values()) if (Arrays.stream(at).allMatch(i -> i >= 0)) candidates.add(at);
        candidates.sort((a, b) -> Integer.compare(a[0], b[0]));
        return chain(candidates);
    }

    private static int[] fresh(int n) {
        int[] a = new int[n];
        Arrays.fill(a, -1);
        return a;
    }

    /**
     * A subsequence of {@code sorted} (in the first witness's order) that rises in every witness: the longest one that
     * rises in the second witness, then of that the longest that rises in the third, and so on (each a longest
     * increasing subsequence, by patience sorting). What rises in one witness still rises in those before it, so
     * the result rises in all; a word one witness moves is left out there, and the words around it stay.
     */
    private static List<int[]> chain(List<int[]> sorted) {
        List<int[]> chain = sorted;
        for (int w = 1; !chain.isEmpty() && w < chain.get(0).length; w++) chain = longestRising(chain, w);
        return chain;
    }

    /** The longest subsequence of {@code list} whose positions in witness {@code w} rise. */
    private static List<int[]> longestRising(List<int[]> list, int w) {
        int k = list.size();
        int[] previous = new int[k];
        int[] ends = new int[k]; // ends[L]: the index of the smallest last position of a rising run of length L+1
        int length = 0;
        for (int i = 0; i < k; i++) {
            int at = list.get(i)[w], lo = 0, hi = length;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (list.get(ends[mid])[w] < at) lo = mid + 1;
                else hi = mid;
            }
            previous[i] = lo > 0 ? ends[lo - 1] : -1;
            ends[lo] = i;
            if (lo == length) length++;
        }
        List<int[]> out = new ArrayList<>();
        for (int i = length == 0 ? -1 : ends[length - 1]; i >= 0; i = previous[i]) out.add(list.get(i));
        Collections.reverse(out);
        return out;
    }

    /** Dekker's alignment of one stretch: per rank, per witness, the token index within the stretch or -1. */
    private static List<int[]> dekker(List<String> sigla, List<List<String[]>> tokens) {
        int n = sigla.size();
        int filled = 0, only = -1;
        for (int w = 0; w < n; w++) {
            if (!tokens.get(w).isEmpty()) {
                filled++;
                only = w;
            }
        }
        List<int[]> table = new ArrayList<>();
        if (filled == 0) return table;
        if (filled == 1) {
            // one witness has words here, the others none: its tokens, each a rank of its own
            for (int i = 0; i < tokens.get(only).size(); i++) {
                int[] cells = fresh(n);
                cells[only] = i;
                table.add(cells);
            }
            return table;
        }
        // CollateX takes no witness without tokens: one with none here has none of the ranks
        List<SimpleWitness> sws = new ArrayList<>();
        Map<Token, Integer> index = new IdentityHashMap<>();
        for (int w = 0; w < n; w++) {
            if (tokens.get(w).isEmpty()) {
                sws.add(null);
                continue;
            }
            SimpleWitness sw = new SimpleWitness(sigla.get(w));
            List<Token> st = new ArrayList<>();
            for (int i = 0; i < tokens.get(w).size(); i++) {
                SimpleToken token = new SimpleToken(sw, tokens.get(w).get(i)[0], tokens.get(w).get(i)[1]);
                index.put(token, i);
                st.add(token);
            }
            sw.setTokens(st);
            sws.add(sw);
        }
        VariantGraph graph = new VariantGraph();
        CollationAlgorithmFactory.dekker(new EqualityTokenComparator()).collate(graph, sws.stream().filter(Objects::nonNull).toList());
        for (SortedMap<eu.interedition.collatex.Witness, Set<Token>> row : VariantGraphRanking.of(graph).asTable()) {
            int[] cells = fresh(n);
            boolean any = false;
            for (int w = 0; w < n; w++) {
                if (sws.get(w) == null) continue;
                Set<Token> cell = row.get(sws.get(w));
                if (cell == null || cell.isEmpty()) continue;
                if (cell.size() > 1) throw new IllegalStateException("CollateX put two tokens of " + sigla.get(w) + " in one rank");
                cells[w] = index.get(cell.iterator().next());
                any = true;
            }
            if (any) table.add(cells);
        }
        return table;
    }
}
