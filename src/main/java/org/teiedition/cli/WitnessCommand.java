package org.teiedition.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.teiedition.Toolkit;
import org.teiedition.apparatus.WitnessText;
import org.teiedition.transform.AtomicOutput;
import org.teiedition.xml.SourceDocument;
import org.teiedition.xml.XmlInputException;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "witness", mixinStandardHelpOptions = true,
        description = "Print the plain text of one witness of an encoding (or, with --lemma, the edited text), "
                + "read as the diplomatic (reading) edition reads it: one paragraph per block, separated by blank lines.")
final class WitnessCommand implements Callable<Integer> {
    static final class Which {
        @Option(names = "--wit", paramLabel = "SIGLUM", required = true, description = "The witness to rebuild.")
        String siglum;

        @Option(names = "--lemma", required = true, description = "The edited text (lemmata, corrections) instead.")
        boolean lemma;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Which which;

    @Parameters(paramLabel = "FILE", description = "A TEI document.")
    Path file;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT", description = "Write to OUT instead of standard output.")
    Path output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        var err = spec.commandLine().getErr();
        Toolkit toolkit = new Toolkit();
        SourceDocument doc;
        try {
            doc = toolkit.parse(file);
        } catch (XmlInputException e) {
            err.println(e.diagnostic().format());
            return Main.FAILED;
        }
        String text;
        try {
            text = WitnessText.of(toolkit.xslt(), doc.node(), which.lemma ? null : which.siglum);
        } catch (WitnessText.UnknownWitnessException e) {
            err.println("error: no witness '" + e.siglum() + "' in " + file + " (known: "
                    + (e.known().isEmpty() ? "none" : String.join(", ", e.known())) + ")");
            return Main.FAILED;
        }
        if (output == null) {
            spec.commandLine().getOut().print(text);
        } else {
            AtomicOutput.write(output, text.getBytes(StandardCharsets.UTF_8));
        }
        return Main.OK;
    }
}
