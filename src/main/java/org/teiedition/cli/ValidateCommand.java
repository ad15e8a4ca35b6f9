package org.teiedition.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.teiedition.Diagnostic;
import org.teiedition.Toolkit;
import org.teiedition.xml.SourceDocument;
import org.teiedition.xml.XmlInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check TEI documents: well-formedness, schema, editorial rules. "
                + "Prints path:line:col: error|warning: message [rule] for every problem.")
final class ValidateCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE|DIR", description = "Documents or folders of documents (default: tei/).")
    List<Path> inputs = new ArrayList<>();

    @Option(names = {"-j", "--jobs"}, paramLabel = "N", description = "Parallel workers (default: all cores).")
    int jobs = Parallel.defaultJobs();

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        var err = spec.commandLine().getErr();
        var out = spec.commandLine().getOut();
        Inputs.Collected in = Inputs.collect(inputs.isEmpty() ? List.of(Path.of("tei")) : inputs, null);
        Toolkit toolkit = new Toolkit();
        Progress progress = new Progress(err, in.files().size());
        List<List<Diagnostic>> perFile = Parallel.map(in.files(), jobs, file -> {
            List<Diagnostic> d;
            try {
                SourceDocument doc = toolkit.parse(file);
                d = toolkit.validate(doc);
            } catch (XmlInputException e) {
                d = List.of(e.diagnostic());
            }
            progress.finished(file.toString(), d.stream().noneMatch(Diagnostic::isError));
            return d;
        });
        List<Diagnostic> all = new ArrayList<>(in.problems());
        perFile.forEach(all::addAll);
        all.forEach(d -> err.println(d.format()));
        long invalid = perFile.stream().filter(l -> l.stream().anyMatch(Diagnostic::isError)).count();
        long errors = all.stream().filter(Diagnostic::isError).count();
        out.printf("%d files, %d valid, %d errors, %d warnings%n", in.files().size(), in.files().size() - invalid,
                errors, all.size() - errors);
        return errors == 0 ? Main.OK : Main.FAILED;
    }
}
