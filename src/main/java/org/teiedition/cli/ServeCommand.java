package org.teiedition.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ListResourceBundle;
import java.util.concurrent.Callable;
import org.teiedition.site.DevServer;
import org.teiedition.site.SourceWatcher;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

@Command(name = "serve", mixinStandardHelpOptions = true, resourceBundle = "org.teiedition.cli.ServeCommand$Help",
        description = "Build, serve OUT on http://127.0.0.1:PORT/ and rebuild what changed whenever a source changes; "
                + "open pages reload themselves. Stop with Ctrl-C.")
final class ServeCommand implements Callable<Integer> {
    @Mixin
    EditionOptions options;

    @Option(names = "--port", paramLabel = "PORT", description = "Port on 127.0.0.1 (default: 8000; 0: any free port).")
    int port = 8000;

    @Option(names = "--stop-after", paramLabel = "SECONDS", hidden = true, description = "Stop after this long (tests).")
    long stopAfter;

    @Spec
    CommandLine.Model.CommandSpec spec;

    /** serve's own wording of the shared options' help (see EditionOptions). */
    public static final class Help extends ListResourceBundle {
        @Override
        protected Object[][] getContents() {
            return new Object[][] {
                {"inputs.label", "DIR"},
                {"edition", "Editions to build (default: all)."},
                {"witness", "Witness shown by the diplomatic edition."},
            };
        }
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        List<Path> sources = options.inputs.isEmpty() ? List.of(Path.of("tei")) : options.inputs;
        BuildCommand build = new BuildCommand();
        CommandLine buildLine = new CommandLine(build);
        buildLine.setErr(err);
        buildLine.parseArgs(buildArgs(sources));
        build.toolkit = EarlyStart.toolkit(); // compiled once, reused by every rebuild
        build.call();
        SourceWatcher watcher = new SourceWatcher(sources, options.output);
        long deadline = stopAfter > 0 ? System.nanoTime() + stopAfter * 1_000_000_000L : Long.MAX_VALUE;
        try (DevServer server = new DevServer(options.output)) {
            int bound = server.start(port);
            err.printf("serving %s at http://127.0.0.1:%d/ (Ctrl-C stops)%n", options.output, bound);
            err.flush();
            while (System.nanoTime() < deadline && !Thread.currentThread().isInterrupted()) {
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    break;
                }
                if (watcher.changed()) {
                    long t0 = System.nanoTime();
                    long cpu0 = processCpuNanos();
                    build.call();
                    server.reloaded();
                    // CPU time too: on a busy machine the wall time says little about the tool
                    err.printf("rebuilt in %d ms (process CPU %d ms)%n", (System.nanoTime() - t0) / 1_000_000,
                            (processCpuNanos() - cpu0) / 1_000_000);
                    err.flush();
                }
            }
        }
        return Main.OK;
    }

    private static long processCpuNanos() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os ? os.getProcessCpuTime() : 0;
    }

    private String[] buildArgs(List<Path> sources) {
        List<String> a = new ArrayList<>(List.of("-o", options.output.toString(), "-j", Integer.toString(options.jobs)));
        if (!options.editions.isEmpty()) a.addAll(List.of("-e", String.join(",", options.editions)));
        if (options.witness != null) a.addAll(List.of("--witness", options.witness));
        if (options.noValidate) a.add("--no-validate");
        sources.forEach(s -> a.add(s.toString()));
        return a.toArray(String[]::new);
    }
}
