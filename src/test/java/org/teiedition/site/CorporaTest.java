package org.teiedition.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.teiedition.site.SiteFixtures.string;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import net.sf.saxon.s9api.XdmNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.teiedition.testing.Cli.Run;
import org.teiedition.testing.Cli;
import org.teiedition.testing.NeedsShared;
import org.teiedition.testing.Shared;

/** The site of real corpora written by others (../shared/corpora) plus the Kennedy letter: any TEI is tolerated. */
@NeedsShared({"corpora/schnitzler-briefe", "corpora/correspdesc-examples"})
class CorporaTest {
    @TempDir
    static Path dir;
    static Path out;

    @BeforeAll
    static void build() {
        Path schnitzler = Shared.path("corpora/schnitzler-briefe");
        Path correspdesc = Shared.path("corpora/correspdesc-examples");
        out = dir.resolve("out");
        Run r = Cli.run("build", "--no-validate", "-e", "reading", "-o", out.toString(),
                schnitzler.toString(), correspdesc.toString(),
                "tei/kennedy-to-khrushchev-1962-10-27.xml");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("52 rebuilt, 0 up to date"), r.err());
    }

    @Test
    void indexHasEveryLetterWithItsCorrespondents() throws Exception {
        XdmNode index = SiteFixtures.html(out.resolve("index.html"));
        assertEquals("52", string(index, "count(//tbody/tr)"));
        assertEquals("1962-10-27|Letter from John F. Kennedy to Nikita S. Khrushchev, 27 October 1962",
                string(index, "//tr[@id='kennedy-to-khrushchev-1962-10-27']/td[position() le 2]"));
        assertEquals("1889-08-02|Fedor Mamroth an Arthur Schnitzler, 2. 8. 1889|Mamroth, Fedor|Schnitzler, Arthur",
                string(index, "//tr[@id='L00001']/td[position() le 4]").replaceAll("\\p{Zs}", " "),
                "the analytic title, not the series title");
        assertEquals("", SiteFixtures.vnu(out.resolve("index.html")));
    }

    @Test
    void registersGroupByAuthorityAcrossLetters() throws Exception {
        XdmNode persons = SiteFixtures.html(out.resolve("persons.html"));
        String schnitzler = "//li[@data-key='gnd:118609807']";
        assertEquals("Schnitzler, Arthur", string(persons, schnitzler + "/span[@class='name']"));
        assertTrue(Integer.parseInt(string(persons, "count(" + schnitzler + "/ul/li)")) >= 30,
                "most of the 40 letters name Schnitzler");
        assertTrue(string(persons, "//li[@data-key='wikidata:Q35004']/ul/li/a/@href")
                .contains("kennedy-to-khrushchev-1962-10-27/reading.html"), "Khrushchev, from the Kennedy letter's standOff");
        assertEquals("", SiteFixtures.vnu(out.resolve("persons.html")));
        assertEquals("", SiteFixtures.vnu(out.resolve("places.html")));
    }

    @Test
    void searchFindsAWordOfTheKennedyLetterOnlyThere() throws Exception {
        String js = Files.readString(out.resolve("search-index.js"));
        Map<String, String> postings = SiteBuildTest.postings(js);
        String kennedy = String.valueOf(js.substring(0, js.indexOf("\"id\":\"kennedy-to-khrushchev")).split("\\{\"id\"").length - 1);
        assertEquals(kennedy, postings.get("khrushchev"));
        assertTrue(postings.get("und").split(",").length >= 25, "German letters: \"und\" in most of the 40 (not the cards)");
    }
}
