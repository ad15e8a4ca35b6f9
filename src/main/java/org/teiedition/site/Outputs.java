package org.teiedition.site;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Arrays;
import org.teiedition.transform.AtomicOutput;

/** Writes a file atomically, and only when its bytes change: unchanged pages keep their mtime (and caches stay warm). */
public final class Outputs {
    private Outputs() {
    }

    /** @return true if the file was (re)written */
    public static boolean writeIfChanged(Path target, byte[] bytes) throws IOException {
        // a link there is replaced, never read through: it may point out of the output folder
        if (Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS) && Files.size(target) == bytes.length
                && Arrays.equals(Files.readAllBytes(target), bytes)) {
            return false;
        }
        AtomicOutput.write(target, bytes);
        return true;
    }
}
