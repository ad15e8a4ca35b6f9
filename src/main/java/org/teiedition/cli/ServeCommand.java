package org.teiedition.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.net.BindException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ListResourceBundle;
import java.util.concurrent.Callable;
import com.sun.management.OperatingSystemMXBean;
import org.teiedition.Diagnostic;
import org.teiedition.Toolkit;
import org.teiedition.pipeline.Build;
import org.teiedition.pipeline.BuildOptions;
import org.teiedition.pipeline.BuildResult;
import org.teiedition.pipeline.SiteConfig;
import org.teiedition.pipeline.Warmup;
import org.teiedition.site.DevServer;
import org.teiedition.site.SourceWatcher;
import org.teiedition.validation.SchemaValidator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "serve", mixinStandardHelpOptions = true, footer = Main.ENVIRONMENT, resourceBundle = "org.teiedition.cli.ServeCommand$Help",
        description = "Build, serve OUT on http://127.0.0.1:PORT/ and rebuild what changed whenever a source changes; "
                + "open pages reload themselves and show the errors of a failed rebuild. Stop with Ctrl-C.")
final class ServeCommand implements Callable<Integer> {
    @Mixin
    EditionOptions options;

    @Option(names = "--port", paramLabel = "PORT", description = "Port on 127.0.0.1 (default: 8000; 0: any free port).")
    int port = 8000;

    @Option(names = "--host", paramLabel = "NAME",
            description = "Also answer requests for this host name (repeatable), say one /etc/hosts maps to 127.0.0.1. "
                    + "Requests for any other name are refused (a web page whose name re-resolves to 127.0.0.1 must not "
                    + "read OUT); the server listens on 127.0.0.1 whatever the name.")
    List<String> hosts = new ArrayList<>();

    @Option(names = "--stop-after", paramLabel = "SECONDS", hidden = true, description = "Stop after this long (tests).")
    long stopAfter;

    @Spec
    CommandSpec spec;

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
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (port < 0 || port > 65535) throw new ParameterException(spec.commandLine(), "--port " + port + ": not a port (0-65535)");
        BuildOptions chosen = options.buildOptions(spec, null);
        SchemaValidator.Settings schemas = options.schemaSettings(spec);
        // the port first: a busy one is found before minutes of building
        for (String h : hosts) {
            if (!h.matches("[A-Za-z0-9.-]+|\\[[0-9A-Fa-f:.]+\\]")) {
                throw new ParameterException(spec.commandLine(), "--host " + h + ": not a host name (letters, digits, dots, hyphens)");
            }
        }
        try (DevServer server = new DevServer(chosen.output(), hosts, DevServer.HANDLER_LIMIT)) {
            int bound;
            try {
                bound = server.start(port);
            } catch (BindException e) {
                err.println("error: cannot serve on 127.0.0.1:" + port + ": " + e.getMessage() + "; choose another with --port");
                return Main.FAILED;
            } catch (IOException e) {
                err.println("error: cannot serve on 127.0.0.1:" + port + ": " + e.getMessage());
                return Main.FAILED;
            }
            Toolkit toolkit = Warmup.toolkit();
            // compiled once, reused by every rebuild until a schema file or the settings' choice of schemas changes
            Build build = new Build(SchemaFiles.toolkit(spec, toolkit, schemas));
            SourceWatcher watcher = watcher(chosen, schemas);
            String unusable = null;
            List<Diagnostic> unknown = SiteConfig.unknownSettings(chosen.inputs()); // said by buildOptions
            server.problems(build(build, chosen, err));
            err.printf("serving %s at http://127.0.0.1:%d/ (Ctrl-C stops)%n", chosen.output(), bound);
            err.flush();
            long deadline = stopAfter > 0 ? System.nanoTime() + stopAfter * 1_000_000_000L : Long.MAX_VALUE;
            while (System.nanoTime() < deadline && !Thread.currentThread().isInterrupted()) {
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    break;
                }
                if (watcher.changed() || unusable != null) {
                    SchemaValidator.Settings now;
                    try {
                        options.checkBaseUrlSetting(spec, chosen);
                        now = options.schemaSettings(spec);
                    } catch (ParameterException e) {
                        // settings that cannot be used (a malformed base-url, a schema that is not there or is no
                        // schema; also a --schema file gone): said once, and nothing built until they are mended, which
                        // is looked for at every turn (a missing schema may be a new file the watcher does not know)
                        if (!e.getMessage().equals(unusable)) {
                            unusable = e.getMessage();
                            err.println("error: " + unusable);
                            err.flush();
                            server.problems("error: " + unusable);
                            server.reloaded();
                        }
                        continue;
                    }
                    unusable = null;
                    List<Diagnostic> nowUnknown = SiteConfig.unknownSettings(chosen.inputs());
                    if (!nowUnknown.equals(unknown)) nowUnknown.forEach(w -> err.println(w.format()));
                    unknown = nowUnknown;
                    if (!now.equals(schemas) || build.toolkit().schemaValidator().changedSinceCompiled()) {
                        // an edited schema is compiled again, by a validator that never compiled the old one
                        build = new Build(toolkit.withSchemas(now));
                        if (!now.equals(schemas)) watcher = watcher(chosen, now);
                        schemas = now;
                    }
                    long t0 = System.nanoTime();
                    long cpu0 = processCpuNanos();
                    String problems = build(build, chosen, err);
                    server.problems(problems);
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

    /** A watcher of the sources, their settings files (there or not) and the schema files that validate them. */
    private static SourceWatcher watcher(BuildOptions chosen, SchemaValidator.Settings schemas) {
        List<Path> watched = new ArrayList<>(chosen.inputs());
        watched.addAll(SiteConfig.places(chosen.inputs()));
        schemas.schemas().forEach(uri -> watched.add(Path.of(uri)));
        return new SourceWatcher(watched, chosen.output());
    }

    /** Builds, prints the report and returns the errors for the open pages' overlay. */
    private static String build(Build build, BuildOptions chosen, PrintWriter err) {
        BuildResult result = build.run(chosen, new Progress(err));
        BuildReport.print(err, result, chosen);
        return BuildReport.problems(result);
    }

    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof OperatingSystemMXBean os ? os.getProcessCpuTime() : 0;
    }
}
