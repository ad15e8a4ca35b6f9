package org.teiedition.site;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.teiedition.site.SiteFixtures.string;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringReader;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import net.sf.saxon.s9api.XdmNode;
import org.jbibtex.BibTeXDatabase;
import org.jbibtex.BibTeXEntry;
import org.jbibtex.BibTeXParser;
import org.jbibtex.Key;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.teiedition.testing.Chromium;
import org.teiedition.testing.Cli;
import org.teiedition.testing.Cli.Run;
import org.teiedition.testing.Shared;

/**
 * Issue 20: what a build published at a base URL offers readers and machines: canonical links, the TEI source,
 * citations (read back with a BibTeX parser and a JSON parser), Highwire, Open Graph and JSON-LD metadata, sitemap,
 * robots.txt and CMIF.
 */
class PublicationTest {
    static final String BASE = "https://example.org/ed/";
    static final String KENNEDY = "kennedy-to-khrushchev-1962-10-27";
    static final String PAGE = BASE + KENNEDY + "/reading.html";

    @TempDir
    static Path dir;
    static Path src;
    static Path out;
    static Run build;
    static XdmNode reading;

    @BeforeAll
    static void build() throws Exception {
        src = SiteFixtures.corpus(dir);
        Files.copy(Path.of("tei", KENNEDY + ".xml"), src.resolve(KENNEDY + ".xml"));
        out = dir.resolve("out");
        build = Cli.run("build", "--no-validate", "-e", "reading,diplomatic", "--base-url", "https://example.org/ed",
                "-o", out.toString(), src.toString());
        assertEquals(0, build.code(), build.err());
        reading = SiteFixtures.html(out.resolve(KENNEDY).resolve("reading.html"));
    }

    @Test
    void theTeiSourceIsPublishedBesideTheEditionsAndLinkedFromEachView() throws Exception {
        assertArrayEquals(Files.readAllBytes(src.resolve(KENNEDY + ".xml")), Files.readAllBytes(out.resolve(KENNEDY).resolve(KENNEDY + ".xml")));
        for (String view : List.of("reading.html", "diplomatic.html")) {
            XdmNode page = SiteFixtures.html(out.resolve(KENNEDY).resolve(view));
            assertEquals(KENNEDY + ".xml", string(page, "//link[@rel='alternate'][@type='application/tei+xml']/@href"), view);
            assertEquals(KENNEDY + ".xml", string(page, "//footer//a[@type='application/tei+xml']/@href"), view);
        }
        assertEquals(BASE + KENNEDY + "/" + KENNEDY + ".xml", json(reading).path("encoding").path("contentUrl").asText());
    }

    @Test
    void everyPageHasItsCanonicalUrlAndTheSitemapListsThemAll() throws Exception {
        TreeSet<String> pages = new TreeSet<>();
        try (Stream<Path> files = Files.walk(out)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".html") && !p.toString().contains(".tei-edition")).toList()) {
                String url = BASE + out.relativize(f).toString().replace('\\', '/');
                assertEquals(url, string(SiteFixtures.html(f), "//head/link[@rel='canonical']/@href"), f.toString());
                pages.add(url);
            }
        }
        assertEquals(13, pages.size(), "index, 3 registers, search, 2 views of 4 letters: " + pages);
        XdmNode sitemap = SiteFixtures.SAXON.newDocumentBuilder().build(out.resolve("sitemap.xml").toFile());
        TreeSet<String> listed = new TreeSet<>(List.of(SiteFixtures.SAXON.newXPathCompiler()
                .evaluate("string-join(//*:loc, ' ')", sitemap).itemAt(0).getStringValue().split(" ")));
        assertEquals(pages, listed);
        assertEquals("User-agent: *\nAllow: /\nSitemap: " + BASE + "sitemap.xml\n", Files.readString(out.resolve("robots.txt")));
    }

    @Test
    void theCitationNamesEditorsTitleEditionDateAndUrlAndEachParagraphHasOne() throws Exception {
        String citation = "tei-edition editors (ed.), Letter from John F. Kennedy to Nikita S. Khrushchev, 27 October 1962, "
                + "reading edition, tei-edition project, 26 November 2026.";
        assertEquals(citation + " " + PAGE, string(reading, "//p[@id='citation']"));
        assertEquals(citation + " " + PAGE, string(reading, "//button[@class='copy-cite']/@data-copy"));
        assertEquals(citation.replace("2026.", "2026, §1.") + " " + PAGE + "#p1", string(reading, "//q[@class='cite-example']"));
        // a § permalink's citation is made by cite.js from these, said once on the page
        assertEquals(citation.substring(0, citation.length() - 1), string(reading, "//section[@id='cite']/@data-cite-stem"));
        assertEquals(PAGE, string(reading, "//section[@id='cite']/@data-cite-url"));
        assertEquals("0", string(reading, "count(//a[contains(@class, 'para-num')]/@*[starts-with(name(), 'data-')])"));
        assertEquals("", string(reading, "//*[contains(@class, 'cite-url-unknown')]"));
    }

    @Test
    void eachParagraphsCiteButtonCopiesItsCitationInTheWordingOfTheExample() throws Exception {
        Assumptions.assumeTrue(Chromium.available(), "skipped: /usr/bin/chromium is absent (apt-get install chromium)");
        try (Chromium chrome = new Chromium()) {
            Chromium.Page page = chrome.newPage();
            page.open(out.resolve(KENNEDY).resolve("reading.html"), 1200, 900, false);
            assertEquals(string(reading, "//q[@class='cite-example']"),
                    page.eval("document.querySelector('a.para-num[href=\"#p1\"] + button.cite-para').getAttribute('data-copy')"),
                    "the example, made by the stylesheet, and the button of §1, made by cite.js");
            assertEquals(string(reading, "//q[@class='cite-example']").replace("§1.", "§4.").replace("#p1", "#p4"),
                    page.eval("document.querySelector('a.para-num[href=\"#p4\"] + button.cite-para').getAttribute('data-copy')"));
            assertEquals(string(reading, "count(//a[contains(@class, 'para-num')])"),
                    page.eval("String(document.querySelectorAll('a.para-num + button.cite-para[data-copy]').length)"));
        }
    }

    @Test
    void bibtexImportsWithABibtexParser() throws Exception {
        String bib = download(reading, "cite-bibtex");
        BibTeXDatabase db = new BibTeXParser().parse(new StringReader(bib));
        assertEquals(1, db.getEntries().size());
        BibTeXEntry e = db.getEntries().values().iterator().next();
        assertEquals("misc", e.getType().getValue());
        assertEquals("{Letter from John F. Kennedy to Nikita S. Khrushchev, 27 October 1962}", e.getField(BibTeXEntry.KEY_TITLE).toUserString());
        assertEquals("John F. Kennedy", e.getField(BibTeXEntry.KEY_AUTHOR).toUserString());
        assertEquals("{tei-edition editors}", e.getField(BibTeXEntry.KEY_EDITOR).toUserString());
        assertEquals("1962", e.getField(BibTeXEntry.KEY_YEAR).toUserString());
        assertEquals("1962-10-27", e.getField(new Key("date")).toUserString());
        assertEquals("tei-edition project", e.getField(BibTeXEntry.KEY_PUBLISHER).toUserString());
        assertEquals(PAGE, e.getField(BibTeXEntry.KEY_URL).toUserString());
        assertEquals("reading edition, tei-edition project, 26 November 2026", e.getField(BibTeXEntry.KEY_HOWPUBLISHED).toUserString());
    }

    @Test
    void risHasTheTagsReferenceManagersRead() throws Exception {
        String ris = download(reading, "cite-ris");
        Map<String, List<String>> tags = ris.lines().filter(l -> l.length() >= 6)
                .collect(Collectors.groupingBy(l -> l.substring(0, 2), LinkedHashMap::new,
                        Collectors.mapping(l -> l.substring(6), Collectors.toList())));
        assertTrue(ris.lines().allMatch(l -> l.matches("[A-Z][A-Z0-9]  - .*")), ris);
        assertTrue(ris.startsWith("TY  - LETTER\r\n") && ris.endsWith("ER  - \r\n"), ris);
        assertEquals(List.of("Letter from John F. Kennedy to Nikita S. Khrushchev, 27 October 1962"), tags.get("TI"));
        assertEquals(List.of("John F. Kennedy"), tags.get("AU"));
        assertEquals(List.of("tei-edition editors"), tags.get("ED"));
        assertEquals(List.of("1962/10/27"), tags.get("DA"));
        assertEquals(List.of("1962"), tags.get("PY"));
        assertEquals(List.of("tei-edition project"), tags.get("PB"));
        assertEquals(List.of(PAGE), tags.get("UR"));
    }

    @Test
    void cslJsonReadsAsALetterWithItsDates() throws Exception {
        JsonNode items = new ObjectMapper().readTree(download(reading, "cite-csl"));
        assertEquals(1, items.size());
        JsonNode item = items.get(0);
        assertEquals("personal_communication", item.path("type").asText());
        assertEquals(KENNEDY, item.path("id").asText());
        assertEquals("Letter from John F. Kennedy to Nikita S. Khrushchev, 27 October 1962", item.path("title").asText());
        assertEquals("John F. Kennedy", item.path("author").get(0).path("literal").asText());
        assertEquals("Nikita S. Khrushchev", item.path("recipient").get(0).path("literal").asText());
        assertEquals("tei-edition editors", item.path("editor").get(0).path("literal").asText());
        assertEquals("[[1962,10,27]]", item.path("issued").path("date-parts").toString());
        assertEquals("[[2026,11,26]]", item.path("available-date").path("date-parts").toString());
        assertEquals(PAGE, item.path("URL").asText());
    }

    /** What Zotero's "Embedded Metadata" translator reads: the Highwire Press citation_* tags. */
    @Test
    void highwireAndOpenGraphTagsAreThere() throws Exception {
        assertEquals("Letter from John F. Kennedy to Nikita S. Khrushchev, 27 October 1962", meta("citation_title"));
        assertEquals("John F. Kennedy", meta("citation_author"));
        assertEquals("tei-edition editors", meta("citation_editor"));
        assertEquals("1962/10/27", meta("citation_date"));
        assertEquals("2026/11/26", meta("citation_publication_date"));
        assertEquals("tei-edition project", meta("citation_publisher"));
        assertEquals("en", meta("citation_language"));
        assertEquals(PAGE, meta("citation_public_url"));
        assertEquals("", meta("citation_pdf_url"), "no PDF was built: none is named");
        assertEquals(PAGE, string(reading, "//meta[@property='og:url']/@content"));
        assertEquals("Letter from John F. Kennedy to Nikita S. Khrushchev, 27 October 1962", string(reading, "//meta[@property='og:title']/@content"));
        assertEquals("article", string(reading, "//meta[@property='og:type']/@content"));
    }

    @Test
    void jsonLdDescribesTheLetterWithAuthorityIds() throws Exception {
        JsonNode ld = json(reading);
        assertEquals("https://schema.org", ld.path("@context").asText());
        assertEquals("Message", ld.path("@type").asText());
        assertEquals(PAGE, ld.path("@id").asText());
        assertEquals("John F. Kennedy", ld.path("sender").get(0).path("name").asText());
        assertEquals("[\"https://www.wikidata.org/entity/Q9696\"]", ld.path("sender").get(0).path("sameAs").toString());
        assertEquals("[\"https://www.wikidata.org/entity/Q35004\"]", ld.path("recipient").get(0).path("sameAs").toString());
        assertEquals("1962-10-27", ld.path("dateSent").asText());
        assertEquals("1962-10-28", ld.path("dateReceived").asText());
        assertEquals("Washington", ld.path("locationCreated").path("name").asText());
        assertEquals("https://www.wikidata.org/entity/Q61", ld.path("locationCreated").path("sameAs").get(0).asText());
        assertEquals("Organization", ld.path("editor").get(0).path("@type").asText());
        assertEquals("2026-11-26", ld.path("datePublished").asText());
    }

    @Test
    void cmifIsValidCmif11AndNamesTheLettersWithoutAuthorityIds() throws Exception {
        Path rng = Shared.path("schemas/cmif/cmi-customization.rng");
        Path sch = Shared.path("schemas/cmif/cmif.sch");
        Path cmif = out.resolve("cmif.xml");
        Run v = Cli.run("validate", "--schema", rng.toString(), "--schema", sch.toString(), cmif.toString());
        assertEquals(0, v.code(), v.out() + v.err());
        assertTrue((v.out() + v.err()).contains("1 file, 1 valid, 0 errors, 0 warnings"), v.out() + v.err());
        XdmNode doc = SiteFixtures.SAXON.newDocumentBuilder().build(cmif.toFile());
        assertEquals(PAGE + " https://www.wikidata.org/entity/Q9696 https://www.wikidata.org/entity/Q61 1962-10-27 "
                        + "https://www.wikidata.org/entity/Q35004 https://www.wikidata.org/entity/Q649 1962-10-28",
                SiteFixtures.SAXON.newXPathCompiler().evaluate("string-join(//*:correspDesc[contains(@ref, 'kennedy')]/"
                        + "(@ref, .//@ref, .//@when), ' ')", doc).itemAt(0).getStringValue());
        assertEquals("4", SiteFixtures.SAXON.newXPathCompiler().evaluate("count(//*:correspDesc)", doc).itemAt(0).getStringValue());
        // the generated letters' correspondents have no authority ids: one warning names each letter and name
        assertTrue(build.err().contains(cmif.toString() + ": warning: letters without an authority id (GND, VIAF, GeoNames, Wikidata) "
                + "for a correspondent or place, which correspSearch cannot find by id: a: Anna Alt, Bruno Berg; b: Bruno Berg, Anna Alt; "
                + "c: Carl <i>Chor</i>, Anna Alt"), "stderr: " + build.err());
    }

    /** Shards merged publish what one build does, byte for byte (the base URL from the sources' config file). */
    @Test
    void shardsMergedPublishTheSameFiles(@TempDir Path tmp) throws Exception {
        Path in = tmp.resolve("in");
        Files.createDirectories(in);
        try (Stream<Path> files = Files.list(src)) {
            for (Path f : files.toList()) Files.copy(f, in.resolve(f.getFileName()));
        }
        Files.writeString(in.resolve("tei-edition.properties"), "base-url=" + BASE + "\n");
        Path o = tmp.resolve("out");
        for (String shard : List.of("1/2", "2/2")) {
            Run r = Cli.run("build", "--no-validate", "-e", "reading,diplomatic", "--shard", shard, "-o", o.toString(), in.toString());
            assertEquals(0, r.code(), r.err());
        }
        Run m = Cli.run("build", "--merge", "-o", o.toString(), in.toString());
        assertEquals(0, m.code(), m.err());
        for (String f : List.of("sitemap.xml", "robots.txt", "cmif.xml", "dts/index.jsonld", "dts/collection.jsonld",
                "dts/navigation/" + KENNEDY + ";down=1.jsonld", "dts/document/" + KENNEDY + "/2.xml", KENNEDY + "/reading.html")) {
            assertEquals(Files.readString(out.resolve(f)), Files.readString(o.resolve(f)), f);
        }
        assertTrue(m.err().contains("warning: letters without an authority id"), m.err());
    }

    /**
     * A build that changed no metadata makes no publication file again and says its warning again; an edit of the
     * words alone changes nothing here either; a damaged file, or a changed correspondent, makes them again.
     */
    @Test
    void thePublicationFilesAreMadeAgainOnlyWhenTheyOrTheMetadataChanged(@TempDir Path tmp) throws Exception {
        Path in = SiteFixtures.corpus(tmp);
        Path o = tmp.resolve("out");
        String[] args = {"build", "--no-validate", "-e", "reading", "--base-url", BASE, "-o", o.toString(), in.toString()};
        assertEquals(0, Cli.run(args).code());
        Path cmif = o.resolve("cmif.xml");
        String made = Files.readString(cmif);
        String warning = cmif + ": warning: letters without an authority id";

        Files.writeString(in.resolve("a.xml"), Files.readString(in.resolve("a.xml")).replace("the quince", "the old quince"));
        Run words = Cli.run(args);
        assertTrue(words.err().contains("1 rebuilt, 2 up to date") && words.err().contains(warning), words.err());
        assertEquals(made, Files.readString(cmif));
        // not made again: what is said comes from the record (marked here), not from a new CMIF
        Path record = o.resolve(".tei-edition/publication.key");
        assertTrue(Files.readString(record).contains(" cmif.xml\n"), "the record names what it made");
        Files.writeString(record, Files.readString(record).replace("unidentified a: Anna Alt", "unidentified a: RECORDED"));
        Run again = Cli.run(args);
        assertTrue(again.err().contains("a: RECORDED"), again.err());

        Files.writeString(cmif, "damaged");
        Run damaged = Cli.run(args);
        assertTrue(damaged.err().contains(warning) && damaged.err().contains("a: Anna Alt"), damaged.err());
        assertEquals(made, Files.readString(cmif), "a damaged file is made again though nothing changed");

        Files.writeString(in.resolve("a.xml"), Files.readString(in.resolve("a.xml")).replace("Anna Alt", "Anna Neu"));
        Run renamed = Cli.run(args);
        assertTrue(renamed.err().contains("a: Anna Neu, Bruno Berg"), renamed.err());
        assertTrue(Files.readString(cmif).contains("Anna Neu"));
    }

    /** The 40 Schnitzler letters of ../shared: their CMIF is valid; a date known within limits keeps them. */
    @Test
    void theSchnitzlerLettersCmifIsValidAndKeepsDateLimits(@TempDir Path tmp) throws Exception {
        Path letters = Shared.path("corpora/schnitzler-briefe");
        Path o = tmp.resolve("out");
        Run r = Cli.run("build", "--no-validate", "-e", "reading", "--base-url", BASE, "-o", o.toString(), letters.toString());
        assertEquals(0, r.code(), r.err());
        Run v = Cli.run("validate", "--schema", Shared.path("schemas/cmif/cmi-customization.rng").toString(),
                "--schema", Shared.path("schemas/cmif/cmif.sch").toString(), o.resolve("cmif.xml").toString());
        assertEquals(0, v.code(), v.out() + v.err());
        XdmNode doc = SiteFixtures.SAXON.newDocumentBuilder().build(o.resolve("cmif.xml").toFile());
        var xp = SiteFixtures.SAXON.newXPathCompiler();
        assertEquals("40", xp.evaluate("string(count(//*:correspDesc))", doc).itemAt(0).getStringValue());
        // L00001 was received between 3 and 7 August 1889 (its TEI: notBefore/notAfter)
        assertEquals("1889-08-03 1889-08-07", xp.evaluate("string-join(//*:correspDesc[ends-with(@ref, '/L00001/reading.html')]"
                + "/*:correspAction[@type = 'received']/*:date/(@notBefore, @notAfter), ' ')", doc).itemAt(0).getStringValue());
    }

    @Test
    void serveAnswersTeiAsTeiAndTheDtsApiAsJsonLd() throws Exception {
        try (DevServer server = new DevServer(out)) {
            int port = server.start(0);
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/" + KENNEDY + "/" + KENNEDY + ".xml")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode());
            assertEquals("application/tei+xml", r.headers().firstValue("Content-Type").orElse(""));
            assertTrue(r.body().contains("<title type=\"main\">Letter from John F. Kennedy"));
            HttpResponse<String> nav = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/dts/navigation/" + KENNEDY + ";down=1.jsonld")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, nav.statusCode());
            assertEquals("application/ld+json", nav.headers().firstValue("Content-Type").orElse(""));
        }
    }

    @Test
    void withoutABaseUrlTheCitationSaysTheUrlIsUnknownAndNothingNeedsOne(@TempDir Path tmp) throws Exception {
        Path o = tmp.resolve("out");
        Run r = Cli.run("build", "--no-validate", "-e", "reading", "-o", o.toString(), src.toString());
        assertEquals(0, r.code(), r.err());
        XdmNode page = SiteFixtures.html(o.resolve(KENNEDY).resolve("reading.html"));
        assertEquals("", string(page, "//link[@rel='canonical']/@href"));
        assertEquals("tei-edition editors (ed.), Letter from John F. Kennedy to Nikita S. Khrushchev, 27 October 1962, "
                + "reading edition, tei-edition project, 26 November 2026.", string(page, "//p[@id='citation']"));
        assertTrue(string(page, "//p[@class='cite-url-unknown']").startsWith("The address of this page is unknown"));
        assertEquals("", meta(page, "citation_public_url"));
        for (String f : List.of("sitemap.xml", "robots.txt", "cmif.xml")) assertFalse(Files.exists(o.resolve(f)), f);
        assertEquals("", string(SiteFixtures.html(o.resolve("index.html")), "//link[@rel='canonical']/@href"));
    }

    @Test
    void theSourcesMayStateTheirBaseUrlOnceAndTheOptionWins(@TempDir Path tmp) throws Exception {
        Path letters = tmp.resolve("letters");
        Files.createDirectories(letters);
        Files.copy(src.resolve("a.xml"), letters.resolve("a.xml"));
        Files.writeString(letters.resolve("tei-edition.properties"), "# where this corpus is published\nbase-url = https://letters.example.net/corpus\n");
        Path o = tmp.resolve("out");
        Run r = Cli.run("build", "--no-validate", "-e", "reading", "-o", o.toString(), letters.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("https://letters.example.net/corpus/a/reading.html", string(SiteFixtures.html(o.resolve("a/reading.html")), "//link[@rel='canonical']/@href"));
        r = Cli.run("build", "--no-validate", "-e", "reading", "--base-url", "https://other.example.org/", "-o", o.toString(), letters.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("1 rebuilt"), "another base URL rebuilds the pages: " + r.err());
        assertEquals("https://other.example.org/a/reading.html", string(SiteFixtures.html(o.resolve("a/reading.html")), "//link[@rel='canonical']/@href"));
        Run bad = Cli.run("build", "--base-url", "example.org/ed", "-o", o.toString(), letters.toString());
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("--base-url: not an absolute http(s) URL without query or fragment: 'example.org/ed'"), bad.err());
        Files.writeString(letters.resolve("tei-edition.properties"), "base-url = ftp://x\n");
        Files.writeString(letters.resolve("a.xml"), Files.readString(letters.resolve("a.xml")).replace("</body>", "<p>More.</p></body>"));
        Run badFile = Cli.run("build", "--no-validate", "-e", "reading", "-o", o.toString(), letters.toString());
        assertEquals(2, badFile.code(), "a usage error, as the option's: " + badFile.err());
        assertTrue(badFile.err().startsWith("error: " + letters.resolve("tei-edition.properties")
                + ": base-url: not an absolute http(s) URL without query or fragment: 'ftp://x'"), badFile.err());
        assertFalse(Files.readString(o.resolve("a/reading.html")).contains("More."), "nothing built without the base URL it names");
    }

    /**
     * A DTS client's walk from the entry point, by the URI templates the API states (a URL is read as the file it
     * names under OUT, as a static host serves it): the collection, the Kennedy letter's Resource, its citation tree,
     * then §2 as TEI.
     */
    @Test
    void aDtsClientWalksFromTheEntryPointToParagraphTwoOfTheKennedyLetter() throws Exception {
        ObjectMapper json = new ObjectMapper();
        JsonNode entry = json.readTree(Files.readString(out.resolve("dts/index.jsonld")));
        assertEquals("EntryPoint", entry.path("@type").asText());
        assertEquals("1.0", entry.path("dtsVersion").asText());
        assertEquals(BASE + "dts/index.jsonld", entry.path("@id").asText());

        JsonNode root = json.readTree(get(expand(entry.path("collection").asText(), Map.of())));
        assertEquals("Collection", root.path("@type").asText());
        assertEquals(4, root.path("totalChildren").asInt());
        JsonNode letter = null;
        for (JsonNode m : root.path("member")) if (m.path("@id").asText().equals(KENNEDY)) letter = m;
        assertEquals("Resource", letter.path("@type").asText());
        assertEquals("Letter from John F. Kennedy to Nikita S. Khrushchev, 27 October 1962", letter.path("title").asText());
        assertEquals("1962-10-27", letter.path("dublinCore").path("date").asText());
        assertEquals("[\"https://www.wikidata.org/entity/Q9696\"]", letter.path("dublinCore").path("creator").toString());
        assertEquals(letter, ((com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(get(letter.path("collection").asText())))
                .without(List.of("@context", "dtsVersion")), "the Resource on its own is the member of the collection");
        assertEquals("paragraph", letter.path("citationTrees").get(0).path("citeStructure").get(0).path("citeType").asText());

        JsonNode nav = json.readTree(get(expand(letter.path("navigation").asText(), Map.of("down", "1"))));
        assertEquals("Navigation", nav.path("@type").asText());
        List<String> refs = new java.util.ArrayList<>();
        nav.path("member").forEach(u -> refs.add(u.path("identifier").asText() + ":" + u.path("level").asInt() + ":" + u.path("parent").isNull()));
        // the § of the pages: as many citable units as the reading edition numbers paragraphs
        assertEquals(Integer.parseInt(string(reading, "count(//a[@class='para-num ed'])")), refs.size());
        assertEquals("1:1:true|2:1:true|3:1:true|4:1:true", String.join("|", refs));
        JsonNode two = json.readTree(get(expand(letter.path("navigation").asText(), Map.of("ref", "2"))));
        assertEquals("2", two.path("ref").path("identifier").asText());

        XdmNode tei = SiteFixtures.SAXON.newDocumentBuilder().build(new javax.xml.transform.stream.StreamSource(
                new StringReader(get(expand(letter.path("document").asText(), Map.of("ref", "2"))))));
        var xp = SiteFixtures.SAXON.newXPathCompiler();
        xp.declareNamespace("tei", "http://www.tei-c.org/ns/1.0");
        xp.declareNamespace("dts", "https://w3id.org/api/dts#");
        assertEquals("1", xp.evaluate("count(/tei:TEI/dts:wrapper[@ref = '2']/tei:p)", tei).itemAt(0).getStringValue());
        assertTrue(xp.evaluate("normalize-space(/tei:TEI/dts:wrapper/tei:p)", tei).itemAt(0).getStringValue()
                .startsWith("Assuming this is done promptly, I have given my representatives in New York"));
        // the whole document is the published TEI source
        assertEquals(Files.readString(src.resolve(KENNEDY + ".xml")), get(expand(letter.path("document").asText(), Map.of())));
    }

    static final String TREATISE = """
        <?xml version="1.0" encoding="UTF-8"?>
        <TEI xmlns="http://www.tei-c.org/ns/1.0">
          <teiHeader>
            <fileDesc>
              <titleStmt><title>A treatise in books</title></titleStmt>
              <publicationStmt><p>test</p></publicationStmt>
              <sourceDesc><p>generated</p></sourceDesc>
            </fileDesc>
            <encodingDesc>
              <refsDecl xml:id="books">
                <citeStructure unit="book" match="%s" use="@n">
                  <citeStructure unit="section" match="div" use="@n" delim="."/>
                </citeStructure>
              </refsDecl>
            </encodingDesc>
          </teiHeader>
          <text><body>
            <div n="1"><div n="1"><p>First of the first.</p></div><div n="2"><p>Second of the first.</p></div></div>
            <div n="2"><div n="1"><p>First of the second.</p></div></div>
          </body></text>
        </TEI>
        """;

    /** A document's own refsDecl/citeStructure is a second citation tree; its XPaths run only when they are paths. */
    @Test
    void aDocumentsOwnCiteStructureIsASecondCitationTree(@TempDir Path tmp) throws Exception {
        Path in = tmp.resolve("in");
        Files.createDirectories(in);
        Files.writeString(in.resolve("treatise.xml"), TREATISE.formatted("/TEI/text/body/div"));
        Files.writeString(in.resolve("unsafe.xml"), TREATISE.formatted("unparsed-text('/etc/hostname')").replace("in books", "unsafe"));
        Path o = tmp.resolve("out");
        Run r = Cli.run("build", "--no-validate", "-e", "reading", "--base-url", BASE, "-o", o.toString(), in.toString());
        assertEquals(0, r.code(), r.err());
        ObjectMapper json = new ObjectMapper();
        JsonNode entry = json.readTree(Files.readString(o.resolve("dts/index.jsonld")));
        JsonNode resource = json.readTree(Files.readString(o.resolve(expand(entry.path("collection").asText(), Map.of("id", "treatise"))
                .substring(BASE.length()))));
        JsonNode tree = resource.path("citationTrees").get(1);
        assertEquals("books", tree.path("identifier").asText());
        assertEquals("book>section", tree.path("citeStructure").get(0).path("citeType").asText() + ">"
                + tree.path("citeStructure").get(0).path("citeStructure").get(0).path("citeType").asText());
        JsonNode nav = json.readTree(Files.readString(o.resolve(expand(resource.path("navigation").asText(),
                Map.of("tree", "books", "down", "-1")).substring(BASE.length()))));
        List<String> units = new java.util.ArrayList<>();
        nav.path("member").forEach(u -> units.add(u.path("identifier").asText() + "<" + u.path("parent").asText("-") + "@" + u.path("level").asInt()));
        assertEquals("1<-@1|1.1<1@2|1.2<1@2|2<-@1|2.1<2@2", String.join("|", units));
        String unit = Files.readString(o.resolve(expand(resource.path("document").asText(), Map.of("tree", "books", "ref", "1.2"))
                .substring(BASE.length())));
        XdmNode tei = SiteFixtures.SAXON.newDocumentBuilder().build(new javax.xml.transform.stream.StreamSource(new StringReader(unit)));
        assertEquals("2|Second of the first.", SiteFixtures.SAXON.newXPathCompiler().evaluate(
                "string-join((/*:TEI/*:wrapper[@ref = '1.2']/*:div/@n, normalize-space(/*:TEI/*:wrapper)), '|')", tei).itemAt(0).getStringValue());
        JsonNode unsafe = json.readTree(Files.readString(o.resolve("dts/navigation/unsafe;tree=books;down=-1.jsonld")));
        assertEquals(0, unsafe.path("member").size(), "a function that reads a file is not evaluated");
    }

    /** RFC 6570 expansion of the forms the API uses: {x}, {/x}, {;x} (an undefined variable expands to nothing). */
    private static String expand(String template, Map<String, String> vars) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{([/;]?)([a-z]+)\\}").matcher(template);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            String v = vars.get(m.group(2));
            String x = v == null ? "" : switch (m.group(1)) {
                case "/" -> "/" + v;
                case ";" -> ";" + m.group(2) + "=" + v;
                default -> v;
            };
            m.appendReplacement(b, java.util.regex.Matcher.quoteReplacement(x));
        }
        return m.appendTail(b).toString();
    }

    /** What a static host answers for a URL under the base: the file under OUT. */
    private static String get(String url) throws Exception {
        assertTrue(url.startsWith(BASE), url);
        return Files.readString(out.resolve(URLDecoder.decode(url.substring(BASE.length()), StandardCharsets.UTF_8)));
    }

    private static String meta(String name) throws Exception {
        return meta(reading, name);
    }

    private static String meta(XdmNode page, String name) throws Exception {
        return string(page, "//head/meta[@name='" + name + "']/@content");
    }

    private static JsonNode json(XdmNode page) throws Exception {
        return new ObjectMapper().readTree(SiteFixtures.xpath(page, "string(//script[@type='application/ld+json'])").itemAt(0).getStringValue());
    }

    /** The file a download link of the Kennedy letter's page names, beside the page. */
    private static String download(XdmNode page, String cls) throws Exception {
        String href = string(page, "//a[@class='" + cls + "']/@href");
        assertTrue(href.startsWith(KENNEDY + "."), href);
        return Files.readString(out.resolve(KENNEDY).resolve(href));
    }
}
