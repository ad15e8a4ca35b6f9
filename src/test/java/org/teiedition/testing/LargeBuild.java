package org.teiedition.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One build of both files of {@code ../shared/large/} (a FRUS volume, a PTA critical text) with every edition, in a
 * child JVM capped at 1 GB of heap and set up as {@code ./tei-edition} sets it up for inputs of this size (the client
 * compiler, the serial collector), without validation (they are written to other schemas than the project's): made
 * once per test JVM, on first use, and read by the tests of what it gives (LargeDocumentTest: the heap bound and the
 * output; PrintGroupingTest: the critical text's footnotes).
 */
public final class LargeBuild {
    public static final String FRUS = "large/frus-volume/frus1961-63v06.xml";
    public static final String PTA = "large/pta-large/pta0001.pta026.pta-grcBibex.xml";

    /** The output folder, the child's exit code and what it printed (stdout and stderr). */
    public record Result(Path out, int exitCode, String log) {
    }

    private static Result result;

    private LargeBuild() {
    }

    /** The build, made on the first call (skips the calling test when ../shared/large is absent). */
    public static synchronized Result result() throws IOException, InterruptedException {
        Path frus = Shared.path(FRUS);
        Path pta = Shared.path(PTA);
        if (result != null) return result;
        Path dir = TestFolders.untilExit("large-build");
        Path out = dir.resolve("out");
        Path log = dir.resolve("log.txt");
        Process p = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xss8m", "-cp", System.getProperty("java.class.path"),
                "org.teiedition.cli.Main", "build", "--no-validate", "-o", out.toString(), frus.toString(), pta.toString()))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            if (!p.waitFor(1100, TimeUnit.SECONDS)) p.destroyForcibly();
            result = new Result(out, p.waitFor(), Files.readString(log));
        } finally {
            // interrupted (a test's time-out): the 1 GB child goes too
            if (p.isAlive()) p.destroyForcibly();
        }
        return result;
    }
}
