package org.teiedition.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Symbolic links: a link inside an input folder that leads out of it is not read (an editor handed a folder must
 * not publish or quote files from elsewhere on the machine), a link that stays inside is; and nothing is written
 * through a link inside OUT.
 */
class SymlinkTest {
    @TempDir
    Path dir;

    private static boolean link(Path link, Path target) {
        try {
            Files.createSymbolicLink(link, target);
            return true;
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    @Test
    void aLinkLeavingTheInputFolderIsNotRead() throws Exception {
        Path tei = Files.createDirectories(dir.resolve("tei"));
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "root:x:0:0:root:/root:/bin/bash\n");
        Files.copy(Hostile.LETTER, tei.resolve("a.xml"));
        assumeTrue(link(tei.resolve("leak.xml"), secret), "symbolic links are not supported here");
        assumeTrue(link(tei.resolve("alias.xml"), tei.resolve("a.xml")));

        Hostile.Run v = Hostile.run("validate", tei.toString());
        assertEquals(1, v.code(), v.all());
        assertTrue(v.err().contains(tei.resolve("leak.xml") + ": error: is a symbolic link leading out of the input folder "
                + tei + "; tei-edition does not read it"), v.all());
        assertTrue(v.out().contains("2 files, 2 valid, 1 error"), "a.xml and the link inside the folder are read:\n" + v.all());
        Hostile.assertNoSecrets("validate", v.all());

        Path out = dir.resolve("out");
        Hostile.Run b = Hostile.run("build", "--no-validate", "-e", "reading", "-o", out.toString(), tei.toString());
        assertTrue(b.err().contains("leak.xml") && b.err().contains("symbolic link leading out of the input folder"), b.all());
        assertTrue(Files.exists(out.resolve("a/reading.html")), b.all());
        assertFalse(Files.exists(out.resolve("leak")), b.all());
        Hostile.assertNoSecrets("build", b.all());
        Hostile.assertNoSecretsUnder(out);
    }

    @Test
    void nothingIsWrittenThroughALinkInsideOut() throws Exception {
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        Path out = Files.createDirectories(dir.resolve("out"));
        assumeTrue(link(out.resolve("letter"), elsewhere), "symbolic links are not supported here");
        Path doc = dir.resolve("letter.xml");
        Files.copy(Hostile.LETTER, doc);
        Hostile.Run b = Hostile.run("build", "--no-validate", "-e", "reading", "-o", out.toString(), doc.toString());
        assertEquals(1, b.code(), b.all());
        assertTrue(b.err().contains("is a symbolic link") && b.err().contains("does not write through links"), b.all());
        try (Stream<Path> s = Files.list(elsewhere)) {
            assertEquals(0, s.count(), "nothing written where the link points");
        }
    }
}
