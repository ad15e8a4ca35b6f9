package org.teiedition.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.teiedition.Diagnostic;
import org.teiedition.Toolkit;
import org.teiedition.pipeline.Inputs;
import org.teiedition.pipeline.Parallel;
import org.teiedition.validation.JsonReport;
import org.teiedition.validation.SchemaException;
import org.teiedition.validation.SchemaValidator;
import org.teiedition.xml.SourceDocument;
import org.teiedition.xml.XmlInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check TEI documents: well-formedness, the TEI root, the grammar (RELAX NG or XSD), the editorial "
                + "rules (Schematron). Prints path:line:col: error|warning: message [rule] for every problem, "
                + "then 'N files, V valid, E errors, W warnings'. Exit code 0 valid, 1 invalid, 2 usage error.")
final class ValidateCommand implements Callable<Integer> {
    enum Format { text, json }

    @Parameters(paramLabel = "FILE|DIR", description = "Documents or folders of documents (default: tei/).")
    List<Path> inputs = new ArrayList<>();

    @Option(names = "--schema", paramLabel = "SCHEMA", description = SchemaFiles.DESCRIPTION)
    List<Path> schemas = new ArrayList<>();

    @Option(names = "--use-xml-model",
            description = "Use the schemas each document names in its <?xml-model?> processing instructions "
                    + "(documents naming none use the default or --schema ones).")
    boolean useXmlModel;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "text (default: one line per problem on stderr) or json (one array on stdout with the fields "
                    + "file, line, column, severity, message, rule, layer; the summary goes to stderr).")
    Format format = Format.text;

    @Option(names = {"-j", "--jobs"}, paramLabel = "N", description = "Parallel workers (default: all cores).")
    int jobs = Parallel.defaultJobs();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        var err = spec.commandLine().getErr();
        var out = spec.commandLine().getOut();
        List<Path> sources = inputs.isEmpty() ? List.of(Path.of("tei")) : inputs;
        var settings = new SchemaValidator.Settings(SchemaFiles.chosen(spec, schemas, sources), useXmlModel);
        Toolkit toolkit = new Toolkit(settings);
        EditionOptions.warnUnknownSettings(spec, sources);
        try {
            toolkit.schemaValidator().precompile();
        } catch (SchemaException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        Inputs.Collected in = Inputs.collect(sources, null);
        Progress progress = Progress.ofFiles(err, in.files().size());
        List<List<Diagnostic>> perFile = Parallel.map(in.files(), jobs, file -> {
            List<Diagnostic> d;
            try {
                SourceDocument doc = toolkit.parse(file);
                d = toolkit.validate(doc);
            } catch (XmlInputException e) {
                d = List.of(e.diagnostic());
            } catch (RuntimeException e) {
                // a fault of ours must not cost the other files their results or the run its summary
                d = List.of(Diagnostic.error(file.toString(), 0, 0, "internal error while checking this file: " + e,
                        "internal", "validate"));
            }
            progress.finished(file.toString(), d.stream().noneMatch(Diagnostic::isError));
            return d;
        });
        List<Diagnostic> all = new ArrayList<>(in.problems());
        perFile.forEach(all::addAll);
        long invalid = perFile.stream().filter(l -> l.stream().anyMatch(Diagnostic::isError)).count();
        long errors = all.stream().filter(Diagnostic::isError).count();
        String summary = String.format("%s, %d valid, %s, %s", BuildReport.count(in.files().size(), "file", "files"),
                in.files().size() - invalid, BuildReport.count(errors, "error", "errors"),
                BuildReport.count(all.size() - errors, "warning", "warnings"));
        if (format == Format.json) {
            out.println(JsonReport.format(all));
            err.println(summary);
        } else {
            all.forEach(d -> err.println(d.format()));
            out.println(summary);
        }
        return errors == 0 ? Main.OK : Main.FAILED;
    }
}
