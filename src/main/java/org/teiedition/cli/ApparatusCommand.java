package org.teiedition.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.teiedition.Toolkit;
import org.teiedition.apparatus.ApparatusTable;
import org.teiedition.apparatus.TableFormats;
import org.teiedition.xml.SourceDocument;
import org.teiedition.xml.XmlInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "apparatus", mixinStandardHelpOptions = true,
        description = "Print the apparatus of a document as a table for proofreading: the editions' entry letter and "
                + "location (§n, or salutation, signature ...), lemma, readings with sigla, type (sic/corr, variant, "
                + "regularisation, abbreviation), note.")
final class ApparatusCommand implements Callable<Integer> {
    enum Format { text, html, csv, json }

    @Parameters(paramLabel = "FILE", description = "A TEI document.")
    Path file;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "text (one wrapped block per entry, default), html (a page for a browser), csv (RFC 4180, "
                    + "formula characters escaped for spreadsheets) or json.")
    Format format = Format.text;

    @Option(names = "--width", paramLabel = "N", description = "Line width of the text layout (default: ${DEFAULT-VALUE}).")
    int width = TableFormats.WIDTH;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Toolkit toolkit = new Toolkit();
        SourceDocument doc;
        try {
            doc = toolkit.parse(file);
        } catch (XmlInputException e) {
            spec.commandLine().getErr().println(e.diagnostic().format());
            return Main.FAILED;
        }
        List<ApparatusTable.Entry> entries = ApparatusTable.of(toolkit.xslt(), doc.node());
        spec.commandLine().getOut().print(switch (format) {
            case text -> TableFormats.text(entries, width);
            case html -> TableFormats.html(String.valueOf(file.getFileName()), entries);
            case csv -> TableFormats.csv(entries);
            case json -> TableFormats.json(entries);
        });
        return Main.OK;
    }
}
