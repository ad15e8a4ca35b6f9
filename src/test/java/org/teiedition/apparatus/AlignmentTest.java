package org.teiedition.apparatus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The runs of agreement a collation is cut at, and the rank table made around them. */
class AlignmentTest {
    static List<String[]> words(String text) {
        return Arrays.stream(text.split(" ")).map(w -> new String[] {w, w}).toList();
    }

    /** Each witness's tokens as the table lays them out, "-" where it has none. */
    static String row(List<int[]> table, List<String[]> tokens, int w) {
        return String.join(" ", table.stream().map(r -> r[w] < 0 ? "-" : tokens.get(r[w])[0]).toList());
    }

    /** Witness {@code w}'s words, whole and in order, as the table lays them out (its gaps left out). */
    static void assertWholeInOrder(List<int[]> table, List<String[]> tokens, int w) {
        assertEquals(String.join(" ", tokens.stream().map(t -> t[0]).toList()), row(table, tokens, w).replace(" -", "").replace("- ", ""));
    }

    @Test
    void aRunAroundAWordEachWitnessHasOnceIsCutAtAndTheStretchesBesideItAligned() {
        List<String[]> a = words("the cat sat on the mat and then the unique1 word was said by all of us here today the end");
        List<String[]> b = words("the cat sat upon the mat and then the unique1 word was said by all of us here the end");
        List<int[]> runs = Alignment.runs(List.of(a, b));
        // "the mat and then the unique1 word was said by all of us here": alike in both around unique1, between the
        // places where they differ; starting at token 4 in both, 14 tokens long
        assertEquals(1, runs.size());
        assertEquals(List.of(4, 4, 14), Arrays.stream(runs.get(0)).boxed().toList());
        List<int[]> table = Alignment.rankTable(List.of("A", "B"), List.of(a, b));
        // on/upon is one rank (Dekker, in the stretch before the run); "today" one that only A has (in the one after)
        assertEquals("the cat sat on the mat and then the unique1 word was said by all of us here today the end", row(table, a, 0));
        assertEquals("the cat sat upon the mat and then the unique1 word was said by all of us here - the end", row(table, b, 1));
    }

    @Test
    void wordsEachWitnessHasOnceButInAnotherOrderAreNotCutAt() {
        // alpha and omega change places: the longest chain in the same order in both is every other word, and the table
        // keeps both witnesses whole and in order
        List<String[]> a = words("one two three four alpha five six seven eight nine omega ten eleven twelve thirteen fourteen");
        List<String[]> b = words("one two three four omega five six seven eight nine alpha ten eleven twelve thirteen fourteen");
        List<int[]> anchors = Alignment.anchors(List.of(a, b));
        assertEquals(14, anchors.size());
        assertEquals(0, anchors.stream().filter(at -> a.get(at[0])[1].matches("alpha|omega")).count());
        List<int[]> table = Alignment.rankTable(List.of("A", "B"), List.of(a, b));
        assertWholeInOrder(table, a, 0);
        assertWholeInOrder(table, b, 1);
    }

    /** Three witnesses, one of which moves a word others have once: the chain keeps only words in order in all three. */
    @Test
    void withThreeWitnessesTheChainIsInOrderInEach() {
        List<String[]> a = words("w1 w2 w3 w4 alpha w5 w6 w7 w8 w9 w10 w11 w12 w13 w14");
        List<String[]> b = words("w1 w2 w3 w4 alpha w5 w6 w7 w8 w9 w10 w11 w12 w13 w14");
        List<String[]> c = words("w1 w2 w3 w4 w5 w6 w7 w8 w9 w10 alpha w11 w12 w13 w14");
        List<int[]> anchors = Alignment.anchors(List.of(a, b, c));
        for (int k = 1; k < anchors.size(); k++) {
            for (int w = 0; w < 3; w++) assertTrue(anchors.get(k - 1)[w] < anchors.get(k)[w], "in order in witness " + w);
        }
        assertEquals(0, anchors.stream().filter(at -> a.get(at[0])[1].equals("alpha")).count(), "the moved word is no anchor");
        assertEquals(14, anchors.size(), "every other word is");
        List<int[]> table = Alignment.rankTable(List.of("A", "B", "C"), List.of(a, b, c));
        for (int w = 0; w < 3; w++) assertWholeInOrder(table, List.of(a, b, c).get(w), w);
    }
}
