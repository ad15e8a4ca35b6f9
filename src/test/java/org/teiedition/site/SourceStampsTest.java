package org.teiedition.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.teiedition.editions.Editions;

/**
 * When the stamp a build recorded of a source vouches for it unread ({@link BuildCache#settledKey}): the same file,
 * size and times, its last change lying {@link BuildCache#SETTLED_MILLIS} before it was read; otherwise the source is
 * read and hashed.
 */
class SourceStampsTest {
    private Path dir;
    private Path src;
    private Path out;
    private BuildCache cache;

    @BeforeEach
    void letter(@TempDir Path tmp) throws Exception {
        assumeTrue(tmp.getFileSystem().supportedFileAttributeViews().contains("unix"), "status-change times (unix)");
        dir = tmp;
        src = Files.writeString(dir.resolve("letter.xml"), "<TEI>one</TEI>");
        out = dir.resolve("out");
        cache = BuildCache.open(out, List.of(Editions.READING), "test");
    }

    /** A build's entry for {@code id}, made from {@code source} as {@link BuildCache#read} read it just now. */
    private static String store(BuildCache cache, Path out, String id, Path source) throws Exception {
        BuildCache.Source read = BuildCache.read(source);
        String key = cache.key(read);
        byte[] page = "<p>page</p>".getBytes();
        Files.write(Files.createDirectories(out.resolve(id)).resolve("reading.html"), page);
        cache.store(Summary.keyOnly(id, key), source, read, Map.of("reading.html", page), BuildCache.Facsimiles.NONE,
                Map.of());
        return key;
    }

    @Test
    void aSourceLeftAloneBeforeItWasReadIsVouchedForByItsStamp() throws Exception {
        Thread.sleep(BuildCache.SETTLED_MILLIS + 300);
        String key = store(cache, out, "letter", src);
        assertEquals(key, cache.settledKey("letter", src));
        // touched: its times are no longer the stamp's
        Files.setLastModifiedTime(src, Files.getLastModifiedTime(src));
        assertNull(cache.settledKey("letter", src), "a status change");
        // the same file at another path
        Path copy = Files.copy(src, Files.createDirectories(dir.resolve("elsewhere")).resolve("letter.xml"));
        assertNull(cache.settledKey("letter", copy));
    }

    @Test
    void aSourceChangedJustBeforeItWasReadIsReadAgain() throws Exception {
        store(cache, out, "letter", src);
        assertNull(cache.settledKey("letter", src), "changed within the window before it was read");
    }

    /** A source touched since its stamp, read and hashed and found up to date, takes its new stamp. */
    @Test
    void aTouchedSourceFoundUpToDateTakesItsNewStamp() throws Exception {
        String key = store(cache, out, "letter", src);
        Files.setLastModifiedTime(src, FileTime.fromMillis(System.currentTimeMillis() - 86_400_000L));
        assertNull(cache.settledKey("letter", src));
        Thread.sleep(BuildCache.SETTLED_MILLIS + 300);
        BuildCache.Source again = BuildCache.read(src);
        assertEquals(key, cache.key(again));
        assertEquals("letter", cache.upToDate("letter", key, again).id());
        assertEquals(key, cache.settledKey("letter", src));
    }
}
