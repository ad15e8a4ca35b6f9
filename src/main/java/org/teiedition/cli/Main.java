package org.teiedition.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import net.sf.saxon.Version;
import org.teiedition.Trace;
import org.teiedition.pipeline.Build;
import org.teiedition.pipeline.Warmup;
import org.teiedition.site.BuildCache;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** The {@code tei-edition} command. Exit codes: 0 success, 1 invalid input or failed build, 2 usage error. */
@Command(name = "tei-edition", mixinStandardHelpOptions = true, versionProvider = Main.VersionText.class,
        description = "Validate TEI P5 documents and build reading, diplomatic and print editions from them.",
        footer = Main.ENVIRONMENT)
public final class Main implements Runnable {
    /** The launcher's settings, in the help of the commands that can run long. */
    static final String ENVIRONMENT = "%nEnvironment (read by ./tei-edition):%n"
            + "  TEI_EDITION_JAVA_OPTS  JVM options, added last so that they win; e.g. -Xmx4g%n"
            + "                         for a larger heap.%n"
            + "  TEI_EDITION_JVM        quick (C1 JIT, serial GC) or throughput (tiered JIT,%n"
            + "                         parallel GC): overrides the launcher's choice.";

    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;

    @Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT,
            description = "Show Java stack traces for internal errors.")
    boolean debug;

    @CommandLine.Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static {
        // Library logging (FOP, Batik) in one line per message, and only warnings: the tool reports its own progress.
        System.setProperty("java.util.logging.SimpleFormatter.format", "%4$s: %5$s%n");
    }

    private static final Logger[] QUIET = {Logger.getLogger("org.apache.fop"), Logger.getLogger("org.apache.xmlgraphics")};

    public static void main(String[] args) {
        Trace.at("main");
        Warmup.begin(subcommand(args));
        for (var logger : QUIET) logger.setLevel(Level.WARNING);
        int code;
        try {
            code = run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
        } catch (OutOfMemoryError e) {
            // where no document's build caught it (the builds report it per document): one line, not a stack trace
            System.err.println("error: out of memory; " + Build.MORE_HEAP);
            code = FAILED;
        }
        System.exit(code);
    }

    /** Runs the command line in this process (tests use this) and returns the exit code. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cl = new CommandLine(new Main());
        addSubcommands(cl, args);
        // every command answers --version, not only the top level
        cl.getSubcommands().values().forEach(sub -> sub.getCommandSpec().versionProvider(new VersionText()));
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setParameterExceptionHandler((ex, a) -> {
            // one line, then where to look: a usage error is not a reason to scroll
            String cmd = ex.getCommandLine().getCommandSpec().qualifiedName();
            ex.getCommandLine().getErr().println("error: " + ex.getMessage() + " (see '" + cmd + " --help')");
            return USAGE;
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            boolean debug = parseResult.hasMatchedOption("--debug")
                    || parseResult.subcommands().stream().anyMatch(p -> p.hasMatchedOption("--debug"));
            commandLine.getErr().println("error: " + (ex.getMessage() == null ? ex.toString() : ex.getMessage()));
            if (debug) ex.printStackTrace(commandLine.getErr());
            return FAILED;
        });
        int code = cl.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /** The subcommands, in the order of the usage message. */
    private static final Map<String, Supplier<Object>> SUBCOMMANDS = subcommands();

    private static Map<String, Supplier<Object>> subcommands() {
        Map<String, Supplier<Object>> m = new LinkedHashMap<>();
        m.put("validate", ValidateCommand::new);
        m.put("build", BuildCommand::new);
        m.put("serve", ServeCommand::new);
        m.put("collate", CollateCommand::new);
        m.put("witness", WitnessCommand::new);
        m.put("apparatus", ApparatusCommand::new);
        m.put("add-witness", AddWitnessCommand::new);
        m.put("help", CommandLine.HelpCommand::new);
        return m;
    }

    private static void addSubcommands(CommandLine cl, String[] args) {
        Warmup.commandsNeeded(SUBCOMMANDS, subcommand(args)).forEach((name, command) -> cl.addSubcommand(name, command.get()));
    }

    /** The first argument that is not an option (the top level has no option with a value). */
    private static String subcommand(String[] args) {
        return Arrays.stream(args).filter(a -> !a.startsWith("-")).findFirst().orElse("");
    }

    static final class VersionText implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() throws Exception {
            return new String[] {"tei-edition " + BuildCache.version()
                    + " (Saxon-HE " + Version.getProductVersion() + ", Java " + System.getProperty("java.version") + ")"};
        }
    }
}
