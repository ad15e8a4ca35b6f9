package org.teiedition.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing read back from OUT/.tei-edition/ (copied from a CI runner or a shared cache) is trusted: a summary's id
 * and file names go through the same rules as a source file's name, and one that breaks them is refused.
 */
class CacheFolderTest {

    @Test
    void mergeRefusesSummariesWhoseIdsOrFilesLeaveTheOutputFolder(@TempDir Path root) throws Exception {
        Path src = root.resolve("a/b/src");
        Path out = root.resolve("a/b/out");
        buildTwoLetters(src, out);

        Path summaries = out.resolve(".tei-edition/summaries");
        String legit = Files.readString(summaries.resolve("letter.xml"));
        assertTrue(legit.startsWith("<summary id=\"letter\" "), legit);
        Path absolute = root.resolve("absolute").toAbsolutePath();
        // an id that climbs out, an absolute one, one hidden in character references, a file name that climbs out
        Files.writeString(summaries.resolve("climb.xml"), legit.replaceFirst("id=\"letter\"", "id=\"../../../climbed\"")
                .replace("A small test letter", "CLIMBED"));
        Files.writeString(summaries.resolve("abs.xml"), legit.replaceFirst("id=\"letter\"", "id=\"" + absolute + "\"")
                .replace("A small test letter", "ABSOLUTE"));
        Files.writeString(summaries.resolve("refs.xml"), legit.replaceFirst("id=\"letter\"", "id=\"&#46;&#46;/&#46;&#46;/refs\"")
                .replace("A small test letter", "REFS"));
        Files.writeString(summaries.resolve("file.xml"), legit.replaceFirst("id=\"letter\"", "id=\"file\"")
                .replace("file=\"reading.html\"", "file=\"../../../x.html\"").replace("A small test letter", "FILE"));
        Set<Path> before = Hostile.allFiles(root);

        Hostile.Run r = Hostile.run("build", "--merge", "-o", out.toString());
        assertEquals(1, r.code(), r.all());
        for (String name : new String[] {"climb", "abs", "refs", "file"}) {
            assertTrue(r.err().contains(summaries.resolve(name + ".xml") + ": error: untrusted summary, not merged: "), r.err());
        }
        assertTrue(r.err().contains("its id \"../../../climbed\" is not the output name \"climb\""), r.err());
        assertTrue(r.err().contains("its edition file \"../../../x.html\" is not a plain file name"), r.err());
        Set<Path> created = new TreeSet<>(Hostile.allFiles(root));
        created.removeAll(before);
        for (Path p : created) assertTrue(p.toAbsolutePath().normalize().startsWith(out.toAbsolutePath().normalize()), "written outside OUT: " + p);
        assertFalse(Files.exists(absolute), "written at the absolute id");
        String index = Files.readString(out.resolve("index.html"));
        for (String refused : new String[] {"CLIMBED", "ABSOLUTE", "REFS", "FILE"}) assertFalse(index.contains(refused), refused);
        assertTrue(index.contains("<tr id=\"letter\"") && index.contains("<tr id=\"other\""), index);
    }

    @Test
    void aCachedSummaryThatNamesAnotherDocumentIsNotReused(@TempDir Path root) throws Exception {
        Path src = root.resolve("src");
        Path out = root.resolve("out");
        buildTwoLetters(src, out);
        Path summary = out.resolve(".tei-edition/summaries/letter.xml");
        // the key is intact: only the id is changed, to one that climbs out of OUT
        Files.writeString(summary, Files.readString(summary).replaceFirst("id=\"letter\"", "id=\"../climbed\""));
        Hostile.Run r = Hostile.run("build", "-o", out.toString(), "--edition", "reading", src.toString());
        assertEquals(0, r.code(), r.all());
        assertTrue(r.err().contains("1 rebuilt, 1 up to date"), r.err());
        assertFalse(Files.exists(root.resolve("climbed")), "written outside OUT");
        assertTrue(Files.readString(summary).startsWith("<summary id=\"letter\" "));
    }

    /** letter.xml and other.xml in {@code src}, built as a folder into {@code out}. */
    private static void buildTwoLetters(Path src, Path out) throws Exception {
        Files.createDirectories(src);
        Files.writeString(src.resolve("letter.xml"), Hostile.letter("", "x"));
        Files.writeString(src.resolve("other.xml"), Hostile.letter("", "y"));
        assertEquals(0, Hostile.run("build", "-o", out.toString(), "--edition", "reading", src.toString()).code());
    }
}
