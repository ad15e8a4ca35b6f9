package org.teiedition.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.teiedition.Toolkit;
import org.teiedition.apparatus.WitnessAdder;
import org.teiedition.transform.AtomicOutput;
import org.teiedition.xml.XmlInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "add-witness", mixinStandardHelpOptions = true,
        description = "Add a witness to an edition that already has its apparatus: every app gains the new siglum "
                + "(in the reading it agrees with, or a new rdg), new apps stand where it differs from all others, the "
                + "listWit gains it; every other byte of the encoding (notes, corrections, ids, comments) is kept.")
final class AddWitnessCommand implements Callable<Integer> {
    @Parameters(paramLabel = "EDITION.xml", description = "The edition's TEI encoding (with a listWit and its apparatus).")
    Path edition;

    @Option(names = "--wit", paramLabel = "SIGLUM=FILE", required = true,
            description = "The new witness: a plain-text file, a TEI document (its edited text), FILE.xml#SIGLUM or FILE.xml#lemma.")
    Map<String, String> witness;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT.xml", description = "Write to OUT.xml instead of standard output.")
    Path output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        var err = spec.commandLine().getErr();
        if (witness.size() != 1) throw new ParameterException(spec.commandLine(), "give one witness (--wit SIGLUM=FILE)");
        var entry = witness.entrySet().iterator().next();
        String siglum = entry.getKey();
        CollateCommand.checkSiglum(spec, siglum);
        Toolkit toolkit = new Toolkit();
        try {
            toolkit.parse(edition); // well-formed, and read by the hardened parser before it is edited as text
        } catch (XmlInputException x) {
            err.println(x.diagnostic().format());
            return Main.FAILED;
        }
        CollateCommand.Loaded w = CollateCommand.load(toolkit, entry.getValue(), err);
        if (w == null) return Main.FAILED;
        WitnessAdder.Result result;
        try {
            result = WitnessAdder.add(WitnessAdder.characters(Files.readAllBytes(edition)), siglum, w.text(), w.name());
        } catch (WitnessAdder.RefusedException x) {
            err.println(edition + ": error: " + x.getMessage());
            return Main.FAILED;
        }
        for (String warning : result.warnings()) err.println(edition + ":" + warning);
        if (output == null) spec.commandLine().getOut().print(result.tei());
        else AtomicOutput.write(output, result.tei().getBytes(StandardCharsets.UTF_8));
        return Main.OK;
    }
}
