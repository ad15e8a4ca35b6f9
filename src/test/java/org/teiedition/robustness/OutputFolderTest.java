package org.teiedition.robustness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.teiedition.cli.Main;
import org.teiedition.testing.Cli;

/** The output folder and the inputs: never mixed, nothing stale left behind, every corpus problem a failure. */
class OutputFolderTest {
    static final Path LETTER = Path.of("src/test/resources/fixtures/small-letter.xml");

    @Test
    void anInputFolderInsideTheOutputFolderIsRefusedAndNothingIsTouched(@TempDir Path root) throws Exception {
        Path src = letters(root.resolve("tei"), "letter");
        // a cache from an earlier, proper build into the same output folder
        assertEquals(0, Cli.run("build", "-o", root.toString(), "-e", "reading", src.resolve("letter.xml").toString()).code());
        Map<Path, byte[]> before = NothingLostTest.snapshot(root);

        // build -o . tei
        Cli.Run r = Cli.run("build", "-o", root.toString(), "-e", "reading", src.toString());
        assertEquals(1, r.code(), r.err());
        assertTrue(r.err().startsWith(src + ": error: this folder is inside the output folder " + root + "; the editions would "
                + "be mixed with the sources: choose an output folder outside the inputs (e.g. -o out)\n"), r.err());
        assertEquals(before.keySet(), NothingLostTest.snapshot(root).keySet(), "nothing written, nothing deleted");

        // build -o DIR DIR
        Cli.Run same = Cli.run("build", "-o", src.toString(), "-e", "reading", src.toString());
        assertEquals(1, same.code(), same.err());
        assertTrue(same.err().startsWith(src + ": error: this folder is the output folder; "), same.err());
        assertEquals(before.keySet(), NothingLostTest.snapshot(root).keySet(), "nothing written, nothing deleted");
    }

    @Test
    void aSourceDeletedFromTheFolderHasItsPagesRemoved(@TempDir Path root) throws Exception {
        Path src = letters(root.resolve("src"), "kept", "gone", "other");
        Path out = root.resolve("out");
        assertEquals(0, Cli.run("build", "-o", out.toString(), "-e", "reading,diplomatic", src.toString()).code());
        assertTrue(Files.isRegularFile(out.resolve("gone/reading.html")));
        // a build of some of the files: the others' sources are still there, and so are their pages
        assertEquals(0, Cli.run("build", "-o", out.toString(), "-e", "reading,diplomatic", src.resolve("kept.xml").toString(),
                src.resolve("gone.xml").toString()).code());
        assertTrue(Files.isRegularFile(out.resolve("other/reading.html")));
        Files.writeString(out.resolve("gone/notes-of-mine.txt"), "not the tool's");
        Files.delete(src.resolve("gone.xml"));

        Cli.Run r = Cli.run("build", "-o", out.toString(), "-e", "reading,diplomatic", src.toString());
        assertEquals(0, r.code(), r.err());
        assertFalse(Files.exists(out.resolve("gone/reading.html")));
        assertFalse(Files.exists(out.resolve("gone/diplomatic.html")));
        assertFalse(Files.exists(out.resolve("gone/nav.js")));
        assertEquals("not the tool's", Files.readString(out.resolve("gone/notes-of-mine.txt")), "only the tool's files are removed");
        assertFalse(Files.readString(out.resolve("index.html")).contains("gone"));
        assertFalse(Files.exists(out.resolve(".tei-edition/summaries/gone.xml")));
        assertTrue(Files.isRegularFile(out.resolve("kept/reading.html")));

        // without anything of the user's in it, the folder goes too
        Files.copy(LETTER, src.resolve("gone.xml"));
        assertEquals(0, Cli.run("build", "-o", out.toString(), "-e", "reading,diplomatic", src.toString()).code());
        Files.delete(out.resolve("gone/notes-of-mine.txt"));
        Files.delete(src.resolve("gone.xml"));
        assertEquals(0, Cli.run("build", "-o", out.toString(), "-e", "reading,diplomatic", src.toString()).code());
        assertFalse(Files.exists(out.resolve("gone")));
    }

    @Test
    void aDeletedSourceHasItsDtsFilesRemovedAndADroppedParagraphItsOwn(@TempDir Path root) throws Exception {
        Path src = letters(root.resolve("src"), "kept", "gone");
        String tei = Files.readString(src.resolve("kept.xml"));
        String twoParagraphs = tei.replaceFirst("(?s)(<p>.*?</p>)", "$1<p>A second paragraph.</p>");
        assertFalse(twoParagraphs.equals(tei));
        Files.writeString(src.resolve("kept.xml"), twoParagraphs);
        Files.writeString(src.resolve("gone.xml"), twoParagraphs);
        Path out = root.resolve("out");
        String[] build = {"build", "-o", out.toString(), "-e", "reading", "--base-url", "https://edition.example.org/", src.toString()};
        Cli.Run first = Cli.run(build);
        assertEquals(0, first.code(), first.err());
        java.util.List<String> goneFiles = java.util.List.of("dts/collection/gone.jsonld", "dts/document/gone.xml",
                "dts/document/gone/2.xml", "dts/navigation/gone;down=1.jsonld", "dts/navigation/gone/2.jsonld");
        for (String f : goneFiles) assertTrue(Files.isRegularFile(out.resolve(f)), f);

        // kept loses its second paragraph: its § 2 is no longer in the API
        Files.writeString(src.resolve("kept.xml"), tei);
        // gone's source is deleted: all its DTS files go with its pages, and its folders under dts/
        Files.delete(src.resolve("gone.xml"));
        Cli.Run r = Cli.run(build);
        assertEquals(0, r.code(), r.err());
        for (String f : goneFiles) assertFalse(Files.exists(out.resolve(f)), f);
        assertFalse(Files.exists(out.resolve("dts/document/gone")));
        assertFalse(Files.exists(out.resolve("dts/navigation/gone")));
        assertFalse(Files.exists(out.resolve("gone")));
        assertFalse(Files.readString(out.resolve("dts/collection.jsonld")).contains("gone"));
        assertFalse(Files.exists(out.resolve("dts/navigation/kept/2.jsonld")));
        assertFalse(Files.exists(out.resolve("dts/document/kept/2.xml")));
        assertTrue(Files.readString(out.resolve("dts/navigation/kept/1.jsonld")).contains("\"kept\""), "kept's § 1 is still there");
        assertTrue(Files.isRegularFile(out.resolve("dts/document/kept.xml")));

        // a DTS file deleted by hand: its document is not up to date
        Files.delete(out.resolve("dts/navigation/kept/1.jsonld"));
        Cli.Run again = Cli.run(build);
        assertTrue(again.err().contains("1 rebuilt, 0 up to date"), again.err());
        assertTrue(Files.isRegularFile(out.resolve("dts/navigation/kept/1.jsonld")));
    }

    /** serve: a source deleted while it runs is no longer served. */
    @Test
    @Timeout(180)
    void serveStopsServingADeletedSource(@TempDir Path root) throws Exception {
        Path src = letters(root.resolve("src"), "kept", "gone");
        Path out = root.resolve("out");
        StringWriter log = new StringWriter();
        Thread serve = new Thread(() -> Main.run(new PrintWriter(new StringWriter()), new PrintWriter(log, true), "serve", "--port", "0",
                "--stop-after", "150", "-e", "reading", "-j", "1", "-o", out.toString(), src.toString()));
        serve.start();
        try {
            Matcher port = Pattern.compile("http://127\\.0\\.0\\.1:(\\d+)/").matcher("");
            for (int i = 0; i < 1200 && !port.reset(log.toString()).find(); i++) Thread.sleep(100);
            assertTrue(port.reset(log.toString()).find(), "serve did not start:\n" + log);
            String base = "http://127.0.0.1:" + port.group(1);
            assertEquals(200, get(base + "/gone/reading.html").statusCode());
            Files.delete(src.resolve("gone.xml"));
            int status = 200;
            for (int i = 0; i < 600 && status == 200; i++) {
                Thread.sleep(100);
                status = get(base + "/gone/reading.html").statusCode();
            }
            assertEquals(404, status, log.toString());
            assertFalse(get(base + "/index.html").body().contains("gone/reading.html"));
            assertEquals(200, get(base + "/kept/reading.html").statusCode());
        } finally {
            serve.interrupt();
            serve.join(20_000);
        }
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aCorpusStepThatCannotWriteFailsTheBuild(@TempDir Path root) throws Exception {
        Path src = letters(root.resolve("src"), "a", "b");
        Path out = root.resolve("out");
        Files.createDirectories(out.resolve("nav.json/in-the-way"));
        Cli.Run r = Cli.run("build", "-o", out.toString(), "-e", "reading", src.toString());
        assertEquals(1, r.code(), r.err());
        assertTrue(r.err().contains(out.resolve("index.html") + ": error: cannot write the corpus pages: "), r.err());
    }

    /** {@code folder} with a copy of the small letter under each name. */
    static Path letters(Path folder, String... names) throws Exception {
        Files.createDirectories(folder);
        for (String n : names) Files.copy(LETTER, folder.resolve(n + ".xml"));
        return folder;
    }
}
