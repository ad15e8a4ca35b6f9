package org.teiedition.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.teiedition.site.SiteFixtures.string;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.sf.saxon.s9api.XdmNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;
import org.teiedition.editions.Edition;
import org.teiedition.editions.Editions;
import org.teiedition.editions.OutputKind;
import org.teiedition.editions.View;
import org.teiedition.testing.Cli;
import org.teiedition.testing.Cli.Run;

/**
 * "Add an edition = one stylesheet + one line": a large-print reading edition (src/test/resources/editions/
 * large-print.xsl) registered with one {@link Edition} line is built by default, every HTML page of the document
 * links to it with its label, its own page carries that label, and no page links to an edition that was not built.
 * Isolated: the registration is process-wide while it lasts, so no other test may build meanwhile.
 */
@Isolated
class FourthEditionTest {
    static final Edition LARGE_PRINT = new Edition("large-print", "Large-print edition", "editions/large-print.xsl",
            OutputKind.HTML, "large-print.html", View.READING);

    @TempDir
    static Path dir;
    static Path out;

    @BeforeAll
    static void build() throws Exception {
        Editions.register(LARGE_PRINT);
        Path letters = SiteFixtures.corpus(dir);
        Files.copy(Path.of("tei/kennedy-to-khrushchev-1962-10-27.xml"), letters.resolve("kennedy.xml"));
        out = dir.resolve("out");
        // no -e: the default editions, which now include the registered one
        Run r = Cli.run("build", "--no-validate", "-o", out.toString(), letters.resolve("kennedy.xml").toString(),
                letters.resolve("a.xml").toString());
        assertEquals(0, r.code(), r.err());
    }

    @AfterAll
    static void unregister() {
        Editions.unregister(LARGE_PRINT.name());
    }

    @Test
    void everyHtmlPageOfTheDocumentLinksToEveryEditionBuiltWithItsLabel() throws Exception {
        Path kennedy = out.resolve("kennedy");
        for (String page : List.of("reading.html", "diplomatic.html", "parallel.html", "large-print.html")) {
            XdmNode html = SiteFixtures.html(kennedy.resolve(page));
            String nav = "//nav[@class='editions']/a";
            assertEquals("reading.html|diplomatic.html|print.pdf|parallel.html|large-print.html", string(html, nav + "/@href"), page);
            assertEquals("Reading edition|Diplomatic edition|Print edition (PDF)|Parallel witnesses|Large-print edition",
                    string(html, nav), page);
            assertEquals(page, string(html, nav + "[@aria-current = 'page']/@href"), page + ": marks itself");
            for (String target : string(html, nav + "/@href").split("\\|")) {
                assertTrue(Files.isRegularFile(kennedy.resolve(target)), page + " links to " + target + ", which was built");
            }
        }
        XdmNode large = SiteFixtures.html(kennedy.resolve("large-print.html"));
        assertEquals("Large-print edition", string(large, "//p[@class='kind']"));
        assertEquals("Letter from John F. Kennedy to Nikita S. Khrushchev, 27 October 1962 · Large-print edition",
                string(large, "/html/head/title"));
        assertTrue(string(large, "//style").contains("font-size: 150%"), "its own stylesheet's look");
        // registered without the apparatus: no apparatus, and no marker pointing to one
        assertEquals("0", string(large, "count(//section[@id='apparatus']) + count(//a[contains(@class, 'app-ref')])"));
        assertTrue(string(large, "//p[@id='citation']").contains(", large-print edition, "), string(large, "//p[@id='citation']"));
        String vnu = SiteFixtures.vnu(kennedy.resolve("large-print.html"));
        assertFalse(vnu.contains("error:"), vnu);
    }

    @Test
    void aDocumentWithOneWitnessLinksOnlyToTheEditionsBuiltForIt() throws Exception {
        Path a = out.resolve("a");
        assertFalse(Files.exists(a.resolve("parallel.html")), "one witness: no parallel view");
        for (String page : List.of("reading.html", "diplomatic.html", "large-print.html")) {
            XdmNode html = SiteFixtures.html(a.resolve(page));
            assertEquals("reading.html|diplomatic.html|print.pdf|large-print.html",
                    string(html, "//nav[@class='editions']/a/@href"), page);
        }
    }

    @Test
    void theIndexListsTheNewEditionWithItsLabel() throws Exception {
        XdmNode index = SiteFixtures.html(out.resolve("index.html"));
        assertEquals("a/large-print.html", string(index, "//tr[@id='a']/td[5]/a[. = 'Large-print edition']/@href"));
        assertEquals("kennedy/parallel.html", string(index, "//tr[@id='kennedy']/td[5]/a[. = 'Parallel witnesses']/@href"));
    }
}
