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
        Set<Path> before = allFiles(root);

        // names starting with '.' are hidden files to a folder walk: name them explicitly
        List<String> args = new java.util.ArrayList<>(List.of("build", "-o", out.toString(), src.toString(),
                src.resolve("../../outside.xml").toString()));
        names.stream().filter(n -> n.startsWith(".")).forEach(n -> args.add(src.resolve(n).toString()));
        Hostile.Run r = Hostile.run(args.toArray(String[]::new));
        assertEquals(0, r.code(), r.all());

        Set<Path> created = new TreeSet<>(allFiles(root));
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

    private static Set<Path> allFiles(Path root) throws Exception {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).collect(Collectors.toCollection(TreeSet::new));
        }
    }
}
