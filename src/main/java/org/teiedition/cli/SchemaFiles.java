package org.teiedition.cli;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.teiedition.Diagnostic;
import org.teiedition.Toolkit;
import org.teiedition.pipeline.SiteConfig;
import org.teiedition.validation.SchemaException;
import org.teiedition.validation.SchemaValidator;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** The schemas of validate, build and serve ({@code --schema}, else the project's settings file), checked alike. */
final class SchemaFiles {
    static final String DESCRIPTION = "Validate against this schema instead of the project's (repeatable): .rng, .rnc "
            + "(RELAX NG compact), .xsd, or .sch (Schematron). Default: the schema setting of tei-edition.properties beside the "
            + "sources, else schema/tei-letter.rng and schema/tei-letter.sch.";

    private SchemaFiles() {
    }

    /**
     * The schemas a command over {@code inputs} validates against: {@code option}'s (--schema), else those the
     * sources' tei-edition.properties names, else none (the bundled project schemas). An unusable one is a usage
     * error of {@code spec}'s command.
     */
    static List<URI> chosen(CommandSpec spec, List<Path> option, List<Path> inputs) {
        if (!option.isEmpty()) return uris(spec, option);
        SiteConfig.Schemas configured = SiteConfig.schemas(inputs.isEmpty() ? List.of(Path.of("tei")) : inputs);
        if (configured.problem() != null) {
            Diagnostic problem = configured.problem();
            String message = problem.path() + ": " + problem.message();
            throw new ParameterException(spec.commandLine(), Diagnostic.printable(message));
        }
        return uris(spec, configured.files());
    }

    /**
     * {@code toolkit} validating against {@code settings}; a project schema that does not compile is a usage error
     * before any document is read, as for validate (the bundled ones compile when first needed).
     */
    static Toolkit toolkit(CommandSpec spec, Toolkit toolkit, SchemaValidator.Settings settings) {
        Toolkit chosen = toolkit.withSchemas(settings);
        if (settings.schemas().isEmpty()) return chosen;
        try {
            chosen.schemaValidator().precompile();
        } catch (SchemaException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        return chosen;
    }

    /** The schemas as absolute URIs; a file of another kind, or none there, is a usage error of {@code spec}'s command. */
    static List<URI> uris(CommandSpec spec, List<Path> schemas) {
        List<URI> uris = new ArrayList<>();
        for (Path s : schemas) {
            String name = s.getFileName() == null ? s.toString() : s.getFileName().toString();
            if (!SchemaValidator.handles(name)) {
                throw new ParameterException(spec.commandLine(), "--schema " + s + ": expected "
                        + SchemaValidator.KINDS);
            }
            if (!Files.isRegularFile(s)) throw new ParameterException(spec.commandLine(), "--schema " + s + ": file not found");
            uris.add(s.toAbsolutePath().normalize().toUri());
        }
        return uris;
    }
}
