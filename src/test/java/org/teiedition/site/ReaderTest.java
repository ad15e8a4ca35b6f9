package org.teiedition.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.teiedition.site.SiteFixtures.string;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import net.sf.saxon.s9api.XdmNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.teiedition.testing.NeedsShared;

/**
 * The edition as its readers meet it (issue 16), read back from the pages of a build of the Kennedy letter and the 40
 * Schnitzler letters with every edition, and of a small corpus made for the cases those letters lack (a gap in a
 * variant, Greek, the long s, names of the encoding): XPath over the HTML. {@link AccessibilityTest} is the browser.
 */
@NeedsShared("corpora/schnitzler-briefe")
class ReaderTest {
    static final String LETTER = ReaderSite.LETTER;
    static Path out;
    static Path small;

    @BeforeAll
    static void build() throws Exception {
        out = ReaderSite.out();
        small = ReaderSite.small();
    }

    /** Two witnesses, a gap in the lemma, a line break inside a variant, Greek and the long s, names of the encoding. */
    static Path smallCorpus(Path src) throws Exception {
        Files.createDirectories(src);
        Files.writeString(src.resolve("greek.xml"), """
            <TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc>
              <titleStmt><title>A Greek fragment</title></titleStmt><publicationStmt><p>test</p></publicationStmt>
              <sourceDesc><listWit><witness xml:id="A">Codex A</witness><witness xml:id="B">Codex B</witness></listWit></sourceDesc>
            </fileDesc><encodingDesc><editorialDecl><correction><p>Errors are encoded as <gi>choice</gi> with <att>source</att>
              and the type <val>wrong</val>; see <tag>sic/</tag>.</p></correction></editorialDecl></encodingDesc></teiHeader>
            <text><body><p>In <placeName ref="#ath">the city</placeName>: Ὁ ἄνθρωπος <app><lem wit="#A">ἦλθεν <gap reason="illegible" quantity="2" unit="words"/> εἰς</lem><rdg wit="#B">ἔβη<lb/>πρὸς</rdg></app> τὴν πόλιν,
              weiſe <q>gesagt</q>.</p></body></text>
            <standOff><listPlace><place xml:id="ath"><placeName>Athen</placeName></place></listPlace></standOff></TEI>
            """);
        Files.writeString(src.resolve("other.xml"), """
            <TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc>
              <titleStmt><title>Another letter</title></titleStmt><publicationStmt><p>test</p></publicationStmt>
              <sourceDesc><p>generated</p></sourceDesc></fileDesc></teiHeader>
            <text><body><p>Nothing in Greek here.</p></body></text></TEI>
            """);
        return src;
    }

    static XdmNode page(String doc, String file) throws Exception {
        return SiteFixtures.html(out.resolve(doc).resolve(file));
    }

    static List<Path> htmlPages(Path root) throws Exception {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        }
    }

    /** Finding 1: the parallel view is text in the text face, rows named in words, omissions and gaps shown. */
    @Test
    void parallelViewIsReadable() throws Exception {
        XdmNode par = page(LETTER, "parallel.html");
        assertEquals("0", string(par, "count(//table[@class='parallel']//td[contains-token(@class, 'wit')])"),
                "no text cell in the siglum style (grey small caps)");
        assertTrue(Integer.parseInt(string(par, "count(//table[@class='parallel']//td[@class='text'])")) > 20);
        assertEquals("Salutation|§1|§2|§3|§4|Signature", string(par, "//tr[@class='group']/th"), "rows named in words");
        // a: the telegram's opening quotation mark, which DH does not have
        assertEquals("om.|\"", string(par, "//tr[@id='v-a1']/td[@class='text']"));
        assertEquals("om.", string(par, "//tr[@id='v-a1']/td[@data-witness='DH']/i[@class='om']"));

        XdmNode greek = SiteFixtures.html(small.resolve("greek").resolve("parallel.html"));
        assertEquals("ἦλθεν […] εἰς|ἔβη πρὸς", string(greek, "//tr[contains-token(@class, 'variant')]/td[@class='text']"),
                "the gap is shown, the line break is a word space");
    }

    /** Finding 3: corrections are marked where they are made, in both editions, and linked. */
    @Test
    void correctionsAreVisibleInBothEditions() throws Exception {
        XdmNode reading = page(LETTER, "reading.html");
        assertEquals("c7|c8", string(reading, "//span[contains-token(@class, 'corrected')][contains-token(@class, 'restored')]/@id"),
                "the two omissions of DH: the article and the eleven words");
        String restored = "//span[@id='c8'][contains-token(@class, 'corrected')][contains-token(@class, 'restored')]";
        String words = string(reading, "string-join(" + restored + "/text(), '')");
        assertEquals("an intensification of the Cuban crisis and a grave risk to", words);
        assertEquals(11, words.split(" ").length, "the eleven restored words");
        assertEquals("⟨|⟩", string(reading, restored + "/span[@class='sign ed']"), "marked by signs, not only tinted");
        assertEquals("4", string(reading, "count(//article//span[contains-token(@class, 'corrected')])"), "the four corrections");
        assertEquals("Editorial signs", string(reading, "//button[@id='toggle-signs']"), "the reader can switch them off");
        assertEquals("true", string(reading, "exists(//dl[@class='key']/dt[.//span[contains-token(@class, 'restored')] or "
                + ".//span[@class='sign']])"), "the key explains the signs");

        XdmNode dip = page(LETTER, "diplomatic.html");
        String here = "//article//a[contains-token(@class, 'corrected-here')]";
        assertEquals("4", string(dip, "count(" + here + ")"), "each place the edition corrects DH");
        for (String href : string(dip, here + "/@href").split("\\|")) {
            assertTrue(href.startsWith("reading.html#c"), href);
            assertEquals("1", string(reading, "count(//*[@id='" + href.substring(href.indexOf('#') + 1) + "'])"), href + " lands on the correction");
        }
        assertEquals("reading.html#c7|reading.html#c8", string(dip, here + "[contains-token(@class, 'om')]/@href"),
                "the two omissions: a sign at the place, linking to the restored words");
        assertTrue(string(dip, here + "[contains-token(@class, 'om')]/@aria-label").contains("restores"));
    }

    /** Finding 5: no empty link, no words glued at element boundaries, no encoder's comment on a page. */
    @Test
    void noTextLostOrGlued() throws Exception {
        List<String> empty = new ArrayList<>();
        for (Path p : htmlPages(out)) {
            XdmNode html = SiteFixtures.html(p);
            String n = string(html, "count(//a[not(normalize-space()) and not(*) and not(@aria-label)])");
            if (!n.equals("0")) empty.add(out.relativize(p) + ": " + n);
            assertFalse(Files.readString(p).contains("Difference 17"), p + ": an XML comment on the page");
        }
        assertEquals(List.of(), empty, "pages with empty links");
        String biarritz = string(page("L02701", "reading.html"), "normalize-space(//article)");
        assertTrue(biarritz.contains("Casino de Biarritz"), biarritz.substring(0, 200));
        assertTrue(string(page("L00001", "reading.html"), "normalize-space(//article)").contains("1889 Telegramm-Adresse"));
        // an empty ref shows its target (here: a date of the diary it points to)
        assertTrue(string(page("L02053", "reading.html"), "normalize-space(//section[@id='notes'])").contains("am 1912-02-10 im"));
    }

    /** Finding 7: the principles in prose, names of the encoding shown as such, quotations with quotation marks. */
    @Test
    void principlesReadAsProse() throws Exception {
        XdmNode reading = page(LETTER, "reading.html");
        String principles = string(reading, "normalize-space(//div[@class='principles'])");
        for (String tei : List.of(" sic ", " corr ", " lem ", " rdg ", "choice", "#FRUS", "milestone", "edRef")) {
            assertFalse(principles.contains(tei), tei + " in: " + principles);
        }
        assertEquals("true", string(reading, "exists(//div[@class='principles']//q[. = 'other armaments'])"));
        assertEquals("true", string(reading, "exists(//section[@id='notes' or @id='apparatus']//q[. = 'would surely lead to the peace of the world'])"),
                "a quotation in a textual note is a q element (quotation marks)");
        XdmNode greek = SiteFixtures.html(small.resolve("greek").resolve("reading.html"));
        assertEquals("<choice>|@source|“wrong”|<sic/>", string(greek, "//div[@class='principles']//code"));
        assertEquals("gesagt", string(greek, "//article//q"));
    }

    /** Finding 8: places and registers searchable, snippets' text in the index, the status announced. */
    @Test
    void searchIndexCarriesPlacesAndText() throws Exception {
        String js = Files.readString(out.resolve("search-index.js"));
        Map<String, String> postings = SiteBuildTest.postings(js);
        assertTrue(postings.containsKey("biarritz"));
        assertTrue(postings.containsKey("washington"), "the places of the header");
        assertTrue(js.contains("\"text\":\"Dear Mr. Chairman: I have read your letter"), "each document's text for the snippets");
        XdmNode search = SiteFixtures.html(out.resolve("search.html"));
        assertEquals("polite", string(search, "//*[@id='status']/@aria-live"));
        Map<String, String> greek = SiteBuildTest.postings(Files.readString(small.resolve("search-index.js")));
        for (String w : List.of("ανθρωπος", "ηλθεν", "weise", "πολιν")) assertTrue(greek.containsKey(w), w + " in " + greek.keySet());
        assertEquals("0", greek.get("athen"), "\"the city\" is found by its register name");
    }

    /** Finding 10: interface language, the key lists the signs used, the receiving action, register links back. */
    @Test
    void smallerPoints() throws Exception {
        XdmNode de = page("L00001", "reading.html");
        assertEquals("en", string(de, "/html/@lang"), "the interface is English");
        assertEquals("de-AT", string(de, "//article[@id='text']/@lang"), "the letter is German");
        assertEquals("fr", string(page("L02809", "reading.html"), "(//article//*[contains-token(@class, 'foreign')]/@lang)[1]"),
                "xml:lang=\"fra\" as BCP 47 has it");
        XdmNode reading = page(LETTER, "reading.html");
        assertEquals("Sent|Received", string(reading, "//dl[@class='corresp']/dt"), "as the PDF says");
        String key = string(reading, "string-join(//dl[@class='key']/dt, '|')");
        assertTrue(key.contains("§1") && key.contains("dotted underline"), key);
        assertFalse(key.contains("[…]"), "the letter has no gap: " + key);
        assertFalse(key.contains("dotted|"), "no unclear reading in the letter: " + key);
        assertEquals("§1, §2, §4, note 1, note 5", string(reading, "//li[@id='reg-cuba']/span[@class='mentioned-at']/a => string-join(', ')"),
                "the register links back to the paragraphs and notes naming Cuba");
        XdmNode index = SiteFixtures.html(out.resolve("index.html"));
        assertEquals("ascending", string(index, "//th[@data-sort-key='date']/@aria-sort"), "the sort state of the table");
        assertEquals("polite", string(index, "//*[@id='count']/@aria-live"));
    }
}
