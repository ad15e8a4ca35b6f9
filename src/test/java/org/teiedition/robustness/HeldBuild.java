package org.teiedition.robustness;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.teiedition.Toolkit;
import org.teiedition.editions.Editions;
import org.teiedition.pipeline.Build;
import org.teiedition.pipeline.BuildListener;
import org.teiedition.pipeline.BuildOptions;
import org.teiedition.pipeline.BuildResult;
import org.teiedition.pipeline.DocumentResult;

/**
 * A build of SRC into OUT in a process of its own that, once its first document is written, says "holding" on stdout
 * and goes on only when a line comes on stdin: so a test knows this process holds OUT while it runs its own build.
 * Exits 0 when its build succeeded.
 */
public final class HeldBuild {
    private HeldBuild() {
    }

    public static void main(String[] args) throws Exception {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        BuildListener pause = new BuildListener() {
            @Override
            public void documentFinished(DocumentResult document, int done, int total) {
                if (done != 1) return;
                System.out.println("holding");
                System.out.flush();
                try {
                    in.readLine();
                } catch (java.io.IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
        BuildResult r = new Build(new Toolkit()).run(BuildOptions.of(Path.of(args[0]), List.of(Path.of(args[1])))
                .withEditions(List.of(Editions.byName("reading").orElseThrow(), Editions.byName("diplomatic").orElseThrow()))
                .withJobs(1), pause);
        System.out.println(r.ok() ? "built" : "failed: " + r.diagnostics());
        System.exit(r.ok() ? 0 : 1);
    }
}
