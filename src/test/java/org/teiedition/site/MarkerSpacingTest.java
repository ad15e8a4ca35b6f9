package org.teiedition.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.teiedition.site.SiteFixtures.string;

import java.nio.file.Path;
import net.sf.saxon.s9api.XdmNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.teiedition.testing.Cli;

/**
 * A note or apparatus marker's box reaches into the spaces beside it, but not into a link that touches it: the marker
 * says which side a link touches (snug-start, snug-end), decided from the model, so that text between a link and a
 * marker ("Mr. Chairman</a>:<a class=marker>") is never pushed apart.
 */
class MarkerSpacingTest {
    @Test
    void markersAreSnugExactlyWhereALinkTouchesThem(@TempDir Path out) throws Exception {
        assertEquals(0, Cli.run("build", "-e", "reading", "-o", out.toString(), "tei/kennedy-to-khrushchev-1962-10-27.xml").code());
        XdmNode page = SiteFixtures.html(out.resolve("kennedy-to-khrushchev-1962-10-27/reading.html"));
        String markers = "//a[tokenize(@class) = 'marker']";
        String before = "preceding-sibling::node()[not(self::text()[not(normalize-space())])][1]";
        String after = "following-sibling::node()[not(self::text()[not(normalize-space())])][1]";
        // the salutation: text (":") between the name and the marker, so no snug side
        assertEquals("marker app-ref ed", string(page, "//div[@class = 'salute']/a[@id = 'ar2']/@class"));
        assertEquals("0", string(page, "count(" + markers + "[tokenize(@class) = 'snug-start'][not(" + before + "/self::a)])"),
                "snug-start only after a link");
        assertEquals("0", string(page, "count(" + markers + "[not(tokenize(@class) = 'snug-start')][" + before + "/self::a])"),
                "every marker right after a link is snug-start");
        assertEquals("0", string(page, "count(" + markers + "[tokenize(@class) = 'snug-end'][not(" + after + "/self::a)])"),
                "snug-end only before a link");
        assertEquals("0", string(page, "count(" + markers + "[not(tokenize(@class) = 'snug-end')][" + after + "/self::a])"),
                "every marker right before a link is snug-end");
        assertEquals("true", string(page, "exists(" + markers + "[tokenize(@class) = ('snug-start', 'snug-end')])"));
    }
}
