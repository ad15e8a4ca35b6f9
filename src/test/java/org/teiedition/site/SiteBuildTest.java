package org.teiedition.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.teiedition.site.SiteFixtures.string;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.sf.saxon.s9api.XdmNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.teiedition.testing.Cli.Run;
import org.teiedition.testing.Cli;

/** The corpus pages of a folder build, the incremental rebuild, shards and determinism. */
class SiteBuildTest {
    @TempDir
    static Path shared;
    static Path src;
    static Path out;

    @BeforeAll
    static void build() throws Exception {
        src = SiteFixtures.corpus(shared);
        out = shared.resolve("out");
        Run r = Cli.run("build", "--no-validate", "-e", "reading,diplomatic", "-o", out.toString(), src.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("3 rebuilt, 0 up to date"), r.err());
    }

    @Test
    void indexHasARowPerDocumentInDateOrderWithSortKeys() throws Exception {
        XdmNode index = SiteFixtures.html(out.resolve("index.html"));
        assertEquals("b|a|c", string(index, "//table[@id='letters']/tbody/tr/@id"));
        assertEquals("1800-01-15|1800-03-01|1801-06-30", string(index, "//tbody/tr/td[1]"));
        assertEquals("Letter b from Bruno Berg|Letter a from Anna Alt|Letter c from Carl <i>Chor</i>",
                string(index, "//tbody/tr/td[2]"), "the analytic title, not the series title; markup in names is text");
        assertEquals("Bruno Berg|Anna Alt|Carl <i>Chor</i>", string(index, "//tbody/tr/td[3]"));
        assertEquals("Anna Alt|Bruno Berg|Anna Alt", string(index, "//tbody/tr/td[4]"));
        assertEquals("0", string(index, "count(//*[local-name() = 'i'])"), "no element from document text");
        assertEquals("date|title|sender|recipient", string(index, "//thead//th/@data-sort-key"));
        assertEquals("1800-01-15|letter b from bruno berg|bruno berg|anna alt", string(index, "//tr[@id='b']/td[position() le 4]/@data-sort"));
        assertEquals("a/reading.html|a/diplomatic.html", string(index, "//tr[@id='a']/td[5]/a/@href"));
        assertEquals("1", string(index, "count(//script)"), "one inline script, no external ones");
        assertEquals("", string(index, "//script/@src"));
    }

    @Test
    void previousAndNextFollowCorrespContextThenDateOrder() throws Exception {
        XdmNode index = SiteFixtures.html(out.resolve("index.html"));
        // a says next = b (correspContext), b says prev = a; c has no pointers: by date its predecessor is a
        assertEquals("b", string(index, "//tr[@id='a']/@data-next"));
        assertEquals("a", string(index, "//tr[@id='b']/@data-prev"));
        assertEquals("a", string(index, "//tr[@id='c']/@data-prev"));
        assertEquals("", string(index, "//tr[@id='c']/@data-next"));
        assertEquals("#b", string(index, "//tr[@id='a']//a[@rel='next']/@href"));
        String nav = Files.readString(out.resolve("nav.json"));
        assertEquals("{\n\"a\":{\"prev\":\"b\",\"next\":\"b\"},\n\"b\":{\"prev\":\"a\",\"next\":\"a\"},\n"
                + "\"c\":{\"prev\":\"a\",\"next\":null}\n}\n", nav);
    }

    @Test
    void registersListTheLettersMentioningEachEntity() throws Exception {
        XdmNode persons = SiteFixtures.html(out.resolve("persons.html"));
        // Goethe has a different xml:id in each letter but the same Wikidata id: one entry, with both letters
        assertEquals("Goethe, Johann Wolfgang", string(persons, "//li[@data-key='wikidata:Q5879']/span[@class='name']"));
        assertEquals("b/reading.html|a/reading.html|c/reading.html",
                string(persons, "//li[@data-key='wikidata:Q5879']/ul/li/a/@href"), "all three registers list him");
        assertEquals("a/reading.html", string(persons, "//li[@data-key='id:p-a']/ul/li/a/@href"));
        XdmNode places = SiteFixtures.html(out.resolve("places.html"));
        assertEquals("Weimar", string(places, "//li[@data-key='id:weimar']/span[@class='name']"));
        XdmNode orgs = SiteFixtures.html(out.resolve("organisations.html"));
        assertEquals("No organisations are recorded.", string(orgs, "//main/p"));
    }

    @Test
    void searchIndexMapsNormalisedWordsToDocuments() throws Exception {
        String js = Files.readString(out.resolve("search-index.js"));
        assertTrue(js.startsWith("var TEI_SEARCH = {\"docs\":[{\"id\":\"b\""), js);
        Map<String, String> postings = postings(js);
        assertEquals("1", postings.get("quince"), "doc 1 in date order is a");
        assertEquals("0", postings.get("muller"), "lower case, without diacritics");
        assertEquals("0,1", postings.get("goethe"), "a names Goethe; b names him \"great poet\", his register name finds it");
        assertEquals("0", postings.get("poet"));
        assertEquals("2", postings.get("poets"));
        assertEquals(null, postings.get("Q5879".toLowerCase()), "registers are not searched");
        List<String> words = List.copyOf(postings.keySet());
        assertEquals(words.stream().sorted().toList(), words, "sorted keys");
        XdmNode search = SiteFixtures.html(out.resolve("search.html"));
        assertEquals("search-index.js", string(search, "//script/@src"));
        assertEquals("q", string(search, "//input/@id"));
    }

    /** word -> comma-separated document numbers, in index order. */
    static Map<String, String> postings(String js) {
        Matcher w = Pattern.compile("\"words\":\\[(.*?)\\],\\n\"postings\":\\[(.*)\\]\\};", Pattern.DOTALL).matcher(js);
        assertTrue(w.find(), js);
        String[] words = w.group(1).replace("\"", "").split(",");
        Matcher p = Pattern.compile("\\[([0-9,]*)\\]").matcher(w.group(2));
        Map<String, String> m = new java.util.LinkedHashMap<>();
        for (String word : words) {
            assertTrue(p.find());
            m.put(word, p.group(1));
        }
        return m;
    }

    @Test
    void pagesAreValidHtml5() throws Exception {
        for (String page : List.of("index.html", "persons.html", "places.html", "organisations.html", "search.html")) {
            assertEquals("", SiteFixtures.vnu(out.resolve(page)), page);
        }
    }

    @Test
    void rebuildAfterEditingOneDocumentRebuildsOnlyIt(@TempDir Path dir) throws Exception {
        Path s = SiteFixtures.corpus(dir);
        Path o = dir.resolve("out");
        String[] args = {"build", "--no-validate", "-e", "reading,diplomatic", "-o", o.toString(), s.toString()};
        assertEquals(0, Cli.run(args).code());
        FileTime old = FileTime.fromMillis(0);
        try (var walk = Files.walk(o)) {
            for (Path p : (Iterable<Path>) walk::iterator) if (Files.isRegularFile(p)) Files.setLastModifiedTime(p, old);
        }
        TreeMap<String, byte[]> before = SiteFixtures.files(o);

        Run again = Cli.run(args);
        assertTrue(again.err().contains("0 rebuilt, 3 up to date"), again.err());
        SiteFixtures.assertSameFiles(before, SiteFixtures.files(o));
        // nothing of the corpus is written; the build state takes the files' new times, so that the next build does
        // not read them again (and after that, nothing is written at all: see the edit below)
        List<String> entries = List.of(".tei-edition/summaries/a.files", ".tei-edition/summaries/b.files", ".tei-edition/summaries/c.files");
        assertEquals(entries, changedSince(o, old), "an unchanged corpus writes nothing but its files' times");
        for (String e : entries) Files.setLastModifiedTime(o.resolve(e), old);

        Path c = s.resolve("c.xml");
        Files.writeString(c, Files.readString(c).replace("Nothing about poets", "Nothing about quinces"));
        Run edited = Cli.run(args);
        assertTrue(edited.err().contains("1 rebuilt, 2 up to date"), edited.err());
        assertEquals(List.of(".tei-edition/summaries/c.files", ".tei-edition/summaries/c.xml", "c/c.bib", "c/c.csl.json", "c/c.ris",
                "c/c.xml", "c/diplomatic.html", "c/reading.html", "search-index.js"), changedSince(o, old),
                "only c's outputs, source and citations, its cache entry and the search index (its words changed)");
        assertTrue(postings(Files.readString(o.resolve("search-index.js"))).get("quinces").equals("2"));
    }

    @Test
    void aFileBuiltOnItsOwnKeepsOnlyItsKeyAndIsSummarisedWhenPartOfACorpus(@TempDir Path dir) throws Exception {
        Path s = SiteFixtures.corpus(dir);
        Path o = dir.resolve("out");
        Path cached = o.resolve(".tei-edition/summaries/c.xml");
        String[] alone = {"build", "--no-validate", "-e", "reading", "-o", o.toString(), s.resolve("c.xml").toString()};
        assertEquals(0, Cli.run(alone).code());
        // no corpus pages to feed: the cache entry is the build key alone (summary.xsl is neither compiled nor run)
        assertTrue(Files.readString(cached).matches("<summary id=\"c\" key=\"[0-9a-f]{64}\"/>"), Files.readString(cached));
        Run again = Cli.run(alone);
        assertTrue(again.err().contains("0 rebuilt, 1 up to date"), again.err());
        // the folder: a corpus build (other build key), so c is built again and summarised for the index
        Run corpus = Cli.run("build", "--no-validate", "-e", "reading", "-o", o.toString(), s.toString());
        assertTrue(corpus.err().contains("3 rebuilt, 0 up to date"), corpus.err());
        assertTrue(Files.readString(cached).contains("<title>"), Files.readString(cached));
        assertTrue(Files.readString(o.resolve("index.html")).contains("c/reading.html"));
    }

    /** Files written since {@code t}, but the output folder's lock, which every build takes (and names itself in). */
    private static List<String> changedSince(Path dir, FileTime t) throws Exception {
        try (var walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).filter(p -> !p.equals(dir.resolve(".tei-edition/lock"))).filter(p -> {
                try {
                    return Files.getLastModifiedTime(p).compareTo(t) > 0;
                } catch (java.io.IOException e) {
                    return true;
                }
            }).map(p -> dir.relativize(p).toString()).sorted().toList();
        }
    }

    @Test
    void shardsMergedGiveTheSameSiteAsOneBuild(@TempDir Path dir) throws Exception {
        Path merged = dir.resolve("merged");
        int total = 0;
        for (int i = 1; i <= 2; i++) {
            Path part = dir.resolve("shard" + i);
            Run r = Cli.run("build", "--no-validate", "-e", "reading,diplomatic", "--shard", i + "/2",
                    "-o", part.toString(), src.toString());
            assertEquals(0, r.code(), r.err());
            assertFalse(Files.exists(part.resolve("index.html")), "a shard writes no corpus pages");
            total += Integer.parseInt(r.err().replaceAll("(?s).*?(\\d+) rebuilt.*", "$1"));
            if (Files.exists(part)) copyTree(part, merged); // a shard may get no document
        }
        assertEquals(3, total, "every document in exactly one shard");
        Run m = Cli.run("build", "--merge", "-o", merged.toString());
        assertEquals(0, m.code(), m.err());
        SiteFixtures.assertSameFiles(SiteFixtures.files(out), SiteFixtures.files(merged));
    }

    private static void copyTree(Path from, Path to) throws Exception {
        try (var walk = Files.walk(from)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (from.relativize(p).equals(Path.of(".tei-edition/lock"))) continue; // each shard's own, empty once it is done
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target);
            }
        }
    }

    @Test
    void twoBuildsAreByteIdentical(@TempDir Path dir) throws Exception {
        Path again = dir.resolve("again");
        Run r = Cli.run("build", "--no-validate", "-e", "reading,diplomatic", "-j", "1", "-o",
                again.toString(), src.toString());
        assertEquals(0, r.code(), r.err());
        SiteFixtures.assertSameFiles(SiteFixtures.files(out), SiteFixtures.files(again));
        assertNotEquals(0, Files.size(again.resolve("search-index.js")));
        assertFalse(new String(Files.readAllBytes(again.resolve("index.html")), StandardCharsets.UTF_8).contains("__reload"),
                "no serve script in built files");
    }
}
