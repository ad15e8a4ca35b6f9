package org.teiedition.editions;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.teiedition.editions.EditionSupport.html;
import static org.teiedition.editions.EditionSupport.render;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import net.sf.saxon.s9api.XdmNode;
import net.sf.saxon.s9api.XdmNodeKind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.teiedition.testing.Shared;

/** Documents written by others (../shared/corpora) build readably with both editions. */
class CorpusTest {
    static List<Path> samples() throws Exception {
        return Shared.xmlFiles("corpora");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void buildsBothEditionsWithItsText(Path sample) throws Exception {
        Shared.path("corpora");
        String phrase = phrase(sample);
        for (Edition e : List.of(Editions.READING, Editions.DIPLOMATIC)) {
            String out = render(sample, e, null);
            assertTrue(out.startsWith("<!DOCTYPE HTML>"), e.name());
            String text = EditionSupport.text(html(out));
            assertTrue(text.contains(phrase), sample + " " + e.name() + ": missing \"" + phrase + "\"");
        }
    }

    /** A phrase every view must show: the inner words of the longest plain text node of the body
     *  (not inside a choice, an app, a deletion, an addition, supplied or editorial text, or a note). */
    static String phrase(Path sample) throws Exception {
        XdmNode doc = EditionSupport.TOOLKIT.parse(sample).node();
        var xp = EditionSupport.TOOLKIT.xslt().processor().newXPathCompiler();
        xp.declareNamespace("tei", "http://www.tei-c.org/ns/1.0");
        String longest = xp.evaluate("((//tei:text//tei:body//text()[not(ancestor::*[self::tei:choice or self::tei:app"
                + " or self::tei:del or self::tei:add or self::tei:supplied or self::tei:ex or self::tei:am or self::tei:note"
                + " or self::tei:sic or self::tei:corr or self::tei:orig or self::tei:reg or self::tei:abbr or self::tei:expan"
                + " or self::tei:fw or self::tei:figDesc or self::tei:rdg or self::tei:lem or self::tei:label])]"
                + " ! normalize-space())[. != ''] => sort((), string-length#1) => reverse() => head()"
                // several samples have an empty body (a comment where the letter would be): then the title
                + " , normalize-space((//tei:titleStmt/tei:title)[1]))[1]", doc)
                .itemAt(0).getStringValue();
        String[] w = longest.split(" ");
        if (w.length <= 3) return longest;
        // drop the first and last word: a text node may start or end inside a word
        return String.join(" ", java.util.Arrays.copyOfRange(w, 1, Math.min(w.length - 1, 6)));
    }
}
