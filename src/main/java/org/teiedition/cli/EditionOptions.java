package org.teiedition.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.teiedition.Diagnostic;
import org.teiedition.editions.Edition;
import org.teiedition.editions.Editions;
import org.teiedition.pipeline.BuildOptions;
import org.teiedition.pipeline.Parallel;
import org.teiedition.pipeline.SiteConfig;
import org.teiedition.site.Shard;
import org.teiedition.validation.SchemaValidator;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/**
 * The options that build and serve share (a Picocli mixin): the documents, the output folder, the editions, the
 * witness, validation and its schemas, and workers. A command may word a description or the documents' label its own
 * way in its resource bundle (keys {@code edition}, {@code witness}, {@code inputs.label}); the texts here are build's.
 */
final class EditionOptions {
    @Parameters(paramLabel = "${bundle:inputs.label:-FILE|DIR}", description = "Documents or folders of documents (default: tei/).")
    List<Path> inputs = new ArrayList<>();

    @Option(names = {"-o", "--output"}, paramLabel = "OUT", description = "Output folder (default: out/).")
    Path output = Path.of("out");

    @Option(names = {"-e", "--edition"}, split = ",", paramLabel = "NAME", descriptionKey = "edition",
            description = "Editions to build, comma-separated (default: all): ${COMPLETION-CANDIDATES}.",
            completionCandidates = EditionNames.class)
    List<String> editions = new ArrayList<>();

    @Option(names = "--witness", paramLabel = "SIGLUM", descriptionKey = "witness",
            description = "Witness shown by the diplomatic edition (default: the copy-text).")
    String witness;

    @Option(names = "--no-validate", description = "Build even documents that do not validate.")
    boolean noValidate;

    @Option(names = "--schema", paramLabel = "SCHEMA", description = SchemaFiles.DESCRIPTION
            + " A changed schema file builds every document again.")
    List<Path> schemas = new ArrayList<>();

    @Option(names = "--facsimile", description = "Print edition: add the page images as plates after the text.")
    boolean facsimile;

    @Option(names = {"-j", "--jobs"}, paramLabel = "N", description = "Parallel workers (default: all cores).")
    int jobs = Parallel.defaultJobs();

    @Option(names = "--base-url", paramLabel = "URL",
            description = "The absolute URL OUT is published at: canonical links, citations, sitemap.xml, CMIF and DTS "
                    + "use it (default: base-url in tei-edition.properties beside the sources; else links stay relative).")
    String baseUrl;

    /** The build these options ask for; an unknown edition is a usage error of {@code spec}'s command. */
    BuildOptions buildOptions(CommandSpec spec, Shard shard) {
        List<Edition> chosen = new ArrayList<>();
        for (String name : editions) {
            chosen.add(Editions.byName(name.trim()).orElseThrow(() -> new ParameterException(spec.commandLine(),
                    "unknown edition '" + name + "'; known: " + String.join(", ", Editions.names()))));
        }
        if (facsimile) {
            chosen = (chosen.isEmpty() ? Editions.ALL : chosen).stream()
                    .map(e -> e.equals(Editions.PRINT) ? Editions.PRINT.withFacsimile() : e).toList();
        }
        BuildOptions options;
        try {
            options = new BuildOptions(inputs, output, chosen, witness, !noValidate, jobs, shard, baseUrl);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--base-url: " + e.getMessage());
        }
        checkBaseUrlSetting(spec, options);
        warnUnknownSettings(spec, options.inputs());
        return options;
    }

    /** Says which settings of the sources' {@value SiteConfig#FILE} tei-edition does not read. */
    static void warnUnknownSettings(CommandSpec spec, List<Path> inputs) {
        SiteConfig.unknownSettings(inputs).forEach(w -> spec.commandLine().getErr().println(w.format()));
    }

    /**
     * The base URL the sources' settings name is checked as the option is, unless the option is given: a site is never
     * built without the one they name. A malformed one is a usage error of {@code spec}'s command.
     */
    void checkBaseUrlSetting(CommandSpec spec, BuildOptions options) {
        Diagnostic problem = baseUrl != null ? null : SiteConfig.baseUrlProblem(options.inputs());
        if (problem != null) {
            String message = problem.path() + ": " + problem.message();
            throw new ParameterException(spec.commandLine(), Diagnostic.printable(message));
        }
    }

    /** The validation asked for: the --schema files, else those of the sources' settings, else the project's. */
    SchemaValidator.Settings schemaSettings(CommandSpec spec) {
        if (noValidate) {
            if (!schemas.isEmpty()) throw new ParameterException(spec.commandLine(), "--schema and --no-validate: choose one");
            return SchemaValidator.Settings.PROJECT;
        }
        return new SchemaValidator.Settings(SchemaFiles.chosen(spec, schemas, inputs), false);
    }

    static final class EditionNames extends ArrayList<String> {
        EditionNames() {
            super(Editions.names());
        }
    }
}
