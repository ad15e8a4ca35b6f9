package org.teiedition.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.teiedition.xml.OutputNames;

/** No file name, xml:id or @n can make the build write outside the output folder. */
class OutputPathsTest {

    @Test
    void hostileNamesStayInsideTheOutputFolder(@TempDir Path root) throws Exception {
        Path src = root.resolve("a/b/src");
        Path out = root.resolve("a/b/out");
        Files.createDirectories(src);
        // ids and numbers that look like paths: nothing in the document names a file
        String letter = Hostile.letter("", "<seg xml:id=\"x..-..-evil\" n=\"../../../evil\">x</seg>")
                .replace("<TEI ", "<TEI n=\"../../../../tmp/evil\" ");
        List<String> names = List.of("..xml", "...xml", "%2e%2e.xml", "%2e%2e%2f%2e%2e%2fescape.xml", "a b ü ☃.xml",
                "-rf.xml", "..%2f..%2fx.xml", "x".repeat(200) + ".xml", "CON.xml", "ünïcödé.xml", " .xml");
        for (String n : names) Files.writeString(src.resolve(n), letter);
        Path outside = root.resolve("a/outside.xml"); // named through "..": the file is read, its editions go under OUT
        Files.writeString(outside, letter);
        Set<Path> before = Hostile.allFiles(root);

        // names starting with '.' are hidden files to a folder walk: name them explicitly
        List<String> args = new java.util.ArrayList<>(List.of("build", "-o", out.toString(), src.toString(),
                src.resolve("../../outside.xml").toString()));
        names.stream().filter(n -> n.startsWith(".")).forEach(n -> args.add(src.resolve(n).toString()));
        Hostile.Run r = Hostile.run(args.toArray(String[]::new));
        assertEquals(0, r.code(), r.all());

        Set<Path> created = new TreeSet<>(Hostile.allFiles(root));
        created.removeAll(before);
        Path outAbs = out.toAbsolutePath().normalize();
        for (Path p : created) assertTrue(p.toAbsolutePath().normalize().startsWith(outAbs), "written outside OUT: " + p);
        // every document got its own folder directly under OUT with a safe name
        Set<String> folders;
        try (Stream<Path> s = Files.list(out)) {
            folders = s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        }
        assertTrue(folders.remove(".tei-edition"), "the build cache folder: " + folders);
        assertEquals(names.size() + 1, folders.size(), folders + "\n" + r.err());
        for (String f : folders) {
            assertTrue(f.matches("[A-Za-z0-9_][A-Za-z0-9._-]{0,119}") && !f.contains(".."), f);
            assertTrue(Files.isRegularFile(out.resolve(f).resolve("reading.html")), f);
        }
        assertTrue(folders.contains("outside"), folders.toString());
    }

    @Test
    void safeSegments() {
        assertEquals("2e-2e", OutputNames.documentName(Path.of("%2e%2e.xml")));
        assertEquals("a-b", OutputNames.documentName(Path.of("a b ü ☃.xml")));
        assertTrue(OutputNames.documentName(Path.of("..xml")).startsWith("document-"));
        assertTrue(OutputNames.documentName(Path.of("...xml")).startsWith("document-"));
        assertEquals("x", OutputNames.documentName(Path.of("../../x.xml")));
        assertEquals(120, OutputNames.documentName(Path.of("y".repeat(300) + ".xml")).length());
    }

    /** "a b.xml" and "a-b.xml" would share OUT/a-b/: the second is refused, never a silent overwrite. */
    @Test
    void twoFilesWithTheSameOutputNameAreAnErrorNotAnOverwrite(@TempDir Path root) throws Exception {
        Path src = root.resolve("src");
        Files.createDirectories(src);
        Files.writeString(src.resolve("a b.xml"), Hostile.letter("", "FIRST"));
        Files.writeString(src.resolve("a-b.xml"), Hostile.letter("", "SECOND"));
        Hostile.Run r = Hostile.run("build", "-o", root.resolve("out").toString(), "--edition", "reading", src.toString());
        assertEquals(1, r.code(), r.all());
        assertTrue(r.err().contains(src.resolve("a-b.xml") + ": error: not built: its output folder \"a-b\" is already used by "
                + src.resolve("a b.xml") + "; rename one of the files"), r.err());
        assertTrue(Files.readString(root.resolve("out/a-b/reading.html")).contains("FIRST"));
    }

    /** A source named like a corpus file gets another folder: the corpus pages keep their paths. */
    @Test
    void sourcesNamedLikeCorpusFilesDoNotTakeTheirPaths(@TempDir Path root) throws Exception {
        Path src = root.resolve("src");
        Files.createDirectories(src);
        List<String> reserved = List.of("search-index.js", "index.html", "nav.json", "Persons.HTML");
        for (String n : reserved) Files.writeString(src.resolve(n + ".xml"), Hostile.letter("", "word" + n.replaceAll("\\W", "")));
        Path out = root.resolve("out");
        Hostile.Run r = Hostile.run("build", "-o", out.toString(), "--edition", "reading", src.toString());
        assertEquals(0, r.code(), r.all());
        for (String f : List.of("index.html", "persons.html", "search-index.js", "nav.json")) {
            assertTrue(Files.isRegularFile(out.resolve(f)), f + " is the corpus file");
        }
        String index = Files.readString(out.resolve("index.html"));
        String search = Files.readString(out.resolve("search-index.js"));
        String nav = Files.readString(out.resolve("nav.json"));
        for (String n : reserved) {
            String folder = n + "-document";
            assertTrue(Files.readString(out.resolve(folder).resolve("reading.html")).contains("word" + n.replaceAll("\\W", "")), folder);
            assertTrue(index.contains("<tr id=\"" + folder + "\""), index);
            assertTrue(nav.contains("\"" + folder + "\":"), nav);
            assertTrue(search.contains(("word" + n.replaceAll("\\W", "")).toLowerCase()), search);
        }
        assertEquals(reserved.stream().map(n -> n + "-document").sorted().toList(),
                reserved.stream().map(n -> OutputNames.documentName(src.resolve(n + ".xml"))).sorted().toList());
    }

    /** "index.html-document.xml" and "index.html.xml" would share a folder: an error naming both. */
    @Test
    void aSourceThatTakesAReservedNamesFolderIsAnErrorNamingBoth(@TempDir Path root) throws Exception {
        Path src = root.resolve("src");
        Files.createDirectories(src);
        Files.writeString(src.resolve("index.html-document.xml"), Hostile.letter("", "FIRST"));
        Files.writeString(src.resolve("index.html.xml"), Hostile.letter("", "SECOND"));
        Hostile.Run r = Hostile.run("build", "-o", root.resolve("out").toString(), "--edition", "reading", src.toString());
        assertEquals(1, r.code(), r.all());
        assertTrue(r.err().contains(src.resolve("index.html.xml") + ": error: not built: its output folder \"index.html-document\" "
                + "is already used by " + src.resolve("index.html-document.xml") + "; rename one of the files"), r.err());
        assertTrue(Files.readString(root.resolve("out/index.html-document/reading.html")).contains("FIRST"));
        assertTrue(Files.readString(root.resolve("out/index.html")).contains("<tr id=\"index.html-document\""));
    }
}
