package org.teiedition.facsimile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.teiedition.testing.Cli;
import org.teiedition.testing.Cli.Run;

/**
 * The incremental build and the page images: a document is rebuilt when only an image it names changes, appears or
 * loses its copy in OUT, and the copies of surfaces it no longer has are removed.
 */
class FacsimileRebuildTest {
    @TempDir
    Path dir;

    private Run build(Path letter, Path out) throws Exception {
        Run r = Cli.run("build", "-o", out.toString(), "-e", "diplomatic,facsimile,iiif", letter.toString());
        assertEquals(0, r.code(), r.err());
        return r;
    }

    private static String counts(Run r) {
        return r.err().lines().filter(l -> l.matches("\\d+ rebuilt, \\d+ up to date.*")).findFirst().orElse(r.err());
    }

    private static List<String> copies(Path out) throws Exception {
        try (var files = Files.list(out.resolve("letter/facsimile"))) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aChangedPageImageRebuildsItsDocument() throws Exception {
        Path letter = FacsimileFixture.letter(dir);
        Path out = dir.resolve("out");
        assertEquals("1 rebuilt, 0 up to date", counts(build(letter, out)));
        assertEquals("0 rebuilt, 1 up to date", counts(build(letter, out)), "nothing changed: the images are hashed, not rebuilt");
        byte[] before = Files.readAllBytes(out.resolve("letter/facsimile/f1.png"));

        // the same size, another stroke: only the image's bytes tell
        ImageIO.write(FacsimileFixture.page(800, 1000, new int[][] {{100, 500, 700, 560}}), "png", dir.resolve("images/page1.png").toFile());
        assertEquals("1 rebuilt, 0 up to date", counts(build(letter, out)));
        byte[] after = Files.readAllBytes(out.resolve("letter/facsimile/f1.png"));
        assertFalse(java.util.Arrays.equals(before, after), "the copy was replaced");
        assertArrayEquals(Files.readAllBytes(dir.resolve("images/page1.png")), after, "by the new image (a small PNG is copied as it is)");
        assertEquals("0 rebuilt, 1 up to date", counts(build(letter, out)));
    }

    /** A page image that is a link (into an image store, as git-annex keeps them) is read through it: so is its change. */
    @Test
    void aLinkedPageImageIsFollowedLikeItsReaderFollowsIt() throws Exception {
        Path letter = FacsimileFixture.letter(dir);
        Path target = Files.move(dir.resolve("images/page1.png"), Files.createDirectories(dir.resolve("store")).resolve("a.png"));
        Files.createSymbolicLink(dir.resolve("images/page1.png"), target);
        Path out = dir.resolve("out");
        assertEquals("1 rebuilt, 0 up to date", counts(build(letter, out)));
        assertEquals("0 rebuilt, 1 up to date", counts(build(letter, out)));
        ImageIO.write(FacsimileFixture.page(800, 1000, new int[][] {{100, 500, 700, 560}}), "png", target.toFile());
        assertEquals("1 rebuilt, 0 up to date", counts(build(letter, out)), "the image behind the link changed");
        assertArrayEquals(Files.readAllBytes(target), Files.readAllBytes(out.resolve("letter/facsimile/f1.png")));
        assertEquals("0 rebuilt, 1 up to date", counts(build(letter, out)));
    }

    @Test
    void anImageThatAppearsOrACopyThatIsGoneRebuildsItsDocument() throws Exception {
        Path letter = FacsimileFixture.letter(dir);
        Path out = dir.resolve("out");
        Run first = build(letter, out);
        assertTrue(first.err().contains("images/broken.png\" cannot be read"), first.err());
        assertEquals(List.of("f1.png", "f2.jpg"), copies(out));

        // the image that could not be read is now there
        ImageIO.write(FacsimileFixture.page(800, 1000, new int[][] {}), "png", dir.resolve("images/broken.png").toFile());
        Run fixed = build(letter, out);
        assertEquals("1 rebuilt, 0 up to date", counts(fixed));
        assertFalse(fixed.err().contains("cannot be read"), fixed.err());
        assertEquals(List.of("f1.png", "f2.jpg", "f3.png"), copies(out));

        // a copy deleted from OUT is not up to date
        Files.delete(out.resolve("letter/facsimile/f2.jpg"));
        assertEquals("1 rebuilt, 0 up to date", counts(build(letter, out)));
        assertEquals(List.of("f1.png", "f2.jpg", "f3.png"), copies(out));
    }

    @Test
    void theCopyOfASurfaceTheDocumentNoLongerHasIsRemoved() throws Exception {
        Path letter = FacsimileFixture.letter(dir);
        Path out = dir.resolve("out");
        ImageIO.write(FacsimileFixture.page(800, 1000, new int[][] {}), "png", dir.resolve("images/broken.png").toFile());
        build(letter, out);
        assertEquals(List.of("f1.png", "f2.jpg", "f3.png"), copies(out));
        String tei = Files.readString(letter);
        String without = tei.replaceFirst("(?s)<surface xml:id=\"s3\".*?</surface>", "");
        assertFalse(without.equals(tei));
        Files.writeString(letter, without);
        Run r = build(letter, out);
        assertEquals("1 rebuilt, 0 up to date", counts(r));
        assertEquals(List.of("f1.png", "f2.jpg"), copies(out), r.err());
    }
}
