package org.teiedition.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.teiedition.site.SiteFixtures.string;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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

    /**
     * One source for every fact: each letter's page states the title, date, correspondents and neighbours that
     * index.html, nav.json, its nav.js and search-index.js state (all made from the same model view).
     */
    @Test
    void everyPageStatesWhatTheCorpusPagesState() throws Exception {
        XdmNode index = SiteFixtures.html(out.resolve("index.html"));
        String js = Files.readString(out.resolve("search-index.js"));
        String nav = Files.readString(out.resolve("nav.json"));
        java.util.List<String> ids = java.util.List.of(string(index, "//tbody/tr/@id").split("\\|"));
        assertEquals(52, ids.size());
        for (String id : ids) {
            XdmNode page = SiteFixtures.html(out.resolve(id).resolve("reading.html"));
            String row = "//tr[@id='" + id + "']";
            String title = string(page, "//h1");
            assertEquals(string(index, row + "/td[2]"), title, id);
            assertEquals(title + " · Reading edition", string(page, "/html/head/title"), id);
            String from = "//dl[@class='corresp']/dt[. = 'Sent']/following-sibling::dd[1]";
            String to = "//dl[@class='corresp']/dt[. = 'Received']/following-sibling::dd[1]";
            assertEquals(string(index, row + "/td[3]"), string(page, "string-join(" + from + "//span[@class='correspondent'], '; ')"), id);
            assertEquals(string(index, row + "/td[4]"), string(page, "string-join(" + to + "//span[@class='correspondent'], '; ')"), id);
            String sent = string(page, "(" + from + "//time/@datetime)[1]");
            if (!sent.isEmpty()) assertEquals(sent.substring(0, Math.min(10, sent.length())), string(index, row + "/td[1]"), id);
            // the neighbours: one line on the page (nav.js of the corpus step), the same as the index and nav.json
            assertEquals("0", string(page, "count(//nav[@aria-label='Correspondence'])"), id + ": no second prev/next line");
            assertEquals("", string(page, "//a[starts-with(@href, '../')][@href != '../index.html']/@href"), id + ": no link to a letter not built");
            String prev = string(index, row + "/@data-prev");
            String next = string(index, row + "/@data-next");
            Path navJs = out.resolve(id).resolve("nav.js");
            assertEquals(prev.isEmpty() ? "" : "../" + prev + "/", CorpusNavigationTest.nav(navJs, "$d?prev?dir"), id);
            assertEquals(next.isEmpty() ? "" : "../" + next + "/", CorpusNavigationTest.nav(navJs, "$d?next?dir"), id);
            assertTrue(nav.contains(org.teiedition.Json.quote(id) + ":{\"prev\":" + (prev.isEmpty() ? "null" : org.teiedition.Json.quote(prev))
                    + ",\"next\":" + (next.isEmpty() ? "null" : org.teiedition.Json.quote(next)) + "}"), id);
            if (!prev.isEmpty()) assertEquals(string(index, "//tr[@id='" + prev + "']/td[2]"), CorpusNavigationTest.nav(navJs, "$d?prev?title"), id);
            // the search index's record of the letter
            assertTrue(js.contains("{\"id\":" + org.teiedition.Json.quoteForScript(id) + ",\"title\":" + org.teiedition.Json.quoteForScript(title)
                    + ",\"date\":" + org.teiedition.Json.quoteForScript(string(index, row + "/td[1]")) + ","), id);
        }
        // the Schnitzler letters are titled by their own title, never by the series title
        assertEquals("0", string(index, "count(//td[2][contains(., 'Briefwechsel mit Autorinnen')])"));
    }

    @Test
    void searchFindsAWordOfTheKennedyLetterOnlyThere() throws Exception {
        String js = Files.readString(out.resolve("search-index.js"));
        Map<String, String> postings = SiteBuildTest.postings(js);
        String kennedy = String.valueOf(js.substring(0, js.indexOf("\"id\":\"kennedy-to-khrushchev")).split("\\{\"id\"").length - 1);
        assertEquals(kennedy, postings.get("khrushchev"));
        assertTrue(postings.get("und").split(",").length >= 25, "German letters: \"und\" in most of the 40 (not the cards)");
        // words end at line breaks and blocks: Suttner's "Mit herzlichsten Grüssen<lb/>Ihre erg<lb/><signed>B Suttner"
        String suttner = postings.get("suttner");
        for (String w : List.of("herzlichsten", "grussen", "ihre", "erg")) {
            assertTrue(("," + postings.get(w) + ",").contains("," + suttner + ","), w);
        }
        for (String fused : List.of("grussenihre", "ergb", "ergbsuttner")) assertEquals(null, postings.get(fused), fused);
        // the title, correspondents and date are searched too: every Schnitzler letter has him as sender or recipient
        assertTrue(postings.get("schnitzler").split(",").length >= 40, postings.get("schnitzler"));
        assertTrue(postings.containsKey("1889"), "the year of L00001");
    }
}
