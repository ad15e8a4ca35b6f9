package org.teiedition.robustness;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.teiedition.testing.BuildState;
import org.teiedition.cli.Main;

/** A killed build leaves the previous editions intact; building twice gives the same bytes. */
class NothingLostTest {
    static final Path LETTER = Path.of("src/test/resources/fixtures/small-letter.xml");
    static final Path KENNEDY = Path.of("tei/kennedy-to-khrushchev-1962-10-27.xml");

    static int run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
        if (code != 0) System.out.println(err);
        return code;
    }

    @Test
    void aBuildKilledMidWayLeavesThePreviousEditionsIntact(@TempDir Path dir) throws Exception {
        Path src = dir.resolve("src");
        Path out = dir.resolve("out");
        Files.createDirectories(src);
        Files.copy(LETTER, src.resolve("letter.xml"));
        assertEquals(0, run("build", "-o", out.toString(), src.toString()));
        Map<Path, byte[]> first = snapshot(out);
        assertTrue(first.containsKey(out.resolve("letter/print.pdf")), first.keySet().toString());

        // a large corpus: the process is killed while it writes
        for (int i = 0; i < 200; i++) Files.copy(LETTER, src.resolve(String.format("copy-%03d.xml", i)));
        Files.copy(LETTER, src.resolve("zz-letter.xml"));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        // the client compiler only, as the test JVM: this process starts, compiles the stylesheets and is killed
        Process p = new ProcessBuilder(java.toString(), "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                "org.teiedition.cli.Main", "build", "-j", "2", "-o", out.toString(), src.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("killed.log").toFile()).start();
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (!Files.exists(out.resolve("copy-000")) && p.isAlive() && System.nanoTime() < deadline) Thread.sleep(20);
        assertTrue(p.isAlive(), "the build was still running when the first editions appeared: " + Files.readString(dir.resolve("killed.log")));
        Thread.sleep(300);
        p.destroyForcibly();
        p.waitFor();
        int builtBeforeKill;
        try (Stream<Path> s = Files.list(out)) {
            builtBeforeKill = (int) s.filter(d -> d.getFileName().toString().startsWith("copy-")).count();
        }
        System.out.println("killed build: " + builtBeforeKill + " of 201 document folders written before the kill");
        assertTrue(builtBeforeKill < 201, "killed mid-way");

        // every previously built file is unchanged (but the output folder's lock, which names the killed process: the
        // operating system released the lock itself); every visible file is complete; no visible temporary file
        for (var e : first.entrySet()) {
            if (e.getKey().equals(out.resolve(".tei-edition/lock"))) continue;
            byte[] now = BuildState.withoutWriteTimes(out.relativize(e.getKey()).toString(), Files.readAllBytes(e.getKey()));
            assertArrayEquals(e.getValue(), now, e.getKey().toString());
        }
        for (var e : snapshot(out).entrySet()) {
            String name = e.getKey().getFileName().toString();
            if (name.startsWith(".")) continue; // a temporary file of the killed process, cleaned by the next build
            assertFalse(name.endsWith(".part"), e.getKey().toString());
            assertComplete(e.getKey(), e.getValue());
        }

        // a temporary file left by a killed write is removed by the next build into that folder
        Path stale = out.resolve("letter/.reading.html4711.part");
        Files.write(stale, "<html><body>half".getBytes(StandardCharsets.UTF_8));
        // (two files: a corpus build like the first one, so the letter is up to date; alone it would be rebuilt
        // without the corpus navigation)
        assertEquals(0, run("build", "-o", out.toString(), src.resolve("letter.xml").toString(), src.resolve("zz-letter.xml").toString()));
        assertFalse(Files.exists(stale), "stale temporary file removed");
        List<String> editions = first.keySet().stream().filter(f -> f.getParent().equals(out.resolve("letter")))
                .map(f -> f.getFileName().toString()).sorted().toList();
        try (Stream<Path> s = Files.list(out.resolve("letter"))) {
            assertEquals(editions, s.map(f -> f.getFileName().toString()).sorted().toList());
        }
        for (var e : first.entrySet()) {
            // the letter's editions and summary; not the corpus pages (and the letter's nav.js), now of two letters
            if (e.getKey().startsWith(out.resolve("letter")) && !e.getKey().endsWith("nav.js")
                    || e.getKey().startsWith(out.resolve(".tei-edition/summaries"))) {
                byte[] now = BuildState.withoutWriteTimes(out.relativize(e.getKey()).toString(), Files.readAllBytes(e.getKey()));
                assertArrayEquals(e.getValue(), now, "rebuilt " + e.getKey());
            }
        }
    }

    static void assertComplete(Path file, byte[] bytes) {
        String name = file.getFileName().toString();
        String tail = new String(bytes, Math.max(0, bytes.length - 64), Math.min(64, bytes.length), StandardCharsets.ISO_8859_1);
        if (name.endsWith(".html")) assertTrue(tail.strip().endsWith("</html>"), "incomplete " + file);
        else if (name.endsWith(".pdf")) assertTrue(tail.contains("%%EOF"), "incomplete " + file);
    }

    /** Building the real letter twice (folder build: editions and index) gives byte-identical files. */
    @Test
    void buildingTwiceGivesIdenticalBytes(@TempDir Path dir) throws Exception {
        Path src = dir.resolve("tei");
        Files.createDirectories(src);
        Files.copy(KENNEDY, src.resolve(KENNEDY.getFileName()));
        Files.copy(LETTER, src.resolve("small-letter.xml"));
        assertEquals(0, run("build", "-o", dir.resolve("a").toString(), src.toString()));
        assertEquals(0, run("build", "-o", dir.resolve("b").toString(), src.toString()));
        Map<Path, byte[]> a = snapshot(dir.resolve("a"));
        Map<Path, byte[]> b = snapshot(dir.resolve("b"));
        List<Path> namesA = new ArrayList<>();
        a.keySet().forEach(p -> namesA.add(dir.resolve("a").relativize(p)));
        List<Path> namesB = new ArrayList<>();
        b.keySet().forEach(p -> namesB.add(dir.resolve("b").relativize(p)));
        assertEquals(namesA, namesB);
        assertTrue(namesA.contains(Path.of("kennedy-to-khrushchev-1962-10-27/print.pdf")) && namesA.contains(Path.of("index.html")), namesA.toString());
        for (Path rel : namesA) {
            assertArrayEquals(a.get(dir.resolve("a").resolve(rel)), b.get(dir.resolve("b").resolve(rel)), rel.toString());
        }
    }

    static Map<Path, byte[]> snapshot(Path root) throws Exception {
        Map<Path, byte[]> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : (Iterable<Path>) s.filter(Files::isRegularFile)::iterator) {
                m.put(p, BuildState.withoutWriteTimes(root.relativize(p).toString(), Files.readAllBytes(p)));
            }
        }
        return m;
    }
}
