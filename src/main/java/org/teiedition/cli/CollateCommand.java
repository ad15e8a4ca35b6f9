package org.teiedition.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.teiedition.Diagnostic;
import org.teiedition.Toolkit;
import org.teiedition.apparatus.Collator;
import org.teiedition.apparatus.WitnessText;
import org.teiedition.transform.AtomicOutput;
import org.teiedition.xml.SourceDocument;
import org.teiedition.xml.XmlInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "collate", mixinStandardHelpOptions = true,
        description = "Collate two or more witnesses with CollateX and write a TEI document with the base text and "
                + "a parallel-segmentation apparatus (app/lem/rdg). By default only the text the witnesses share is "
                + "collated (title blocks, framing and the like are left out, and reported on stderr and in the "
                + "witness descriptions); differences of spacing alone are not variants.")
final class CollateCommand implements Callable<Integer> {
    @Option(names = "--wit", paramLabel = "SIGLUM=FILE", required = true,
            description = "A witness: a plain-text file, a TEI document (its edited text), FILE.xml#SIGLUM (that "
                    + "witness of the document's apparatus) or FILE.xml#lemma (its edited text). Two or more.")
    Map<String, String> witnesses = new LinkedHashMap<>();

    @Option(names = "--base", paramLabel = "SIGLUM", description = "The witness whose text the output carries (default: the first).")
    String base;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT.xml", description = "Write to OUT.xml instead of standard output.")
    Path output;

    @Option(names = "--normalize", split = ",", paramLabel = "WHAT",
            description = "Differences that are not variants, comma-separated: case, punctuation, dashes, quotes (default: none).")
    List<String> normalize = new ArrayList<>();

    @Option(names = "--from", paramLabel = "PHRASE",
            description = "Collate each witness from the first occurrence of PHRASE (spacing free), or, for a TEI "
                    + "witness, from the element with this xml:id (default: from where the witnesses' shared text starts).")
    String from;

    @Option(names = "--to", paramLabel = "PHRASE",
            description = "Collate each witness up to the end of the first occurrence of PHRASE after the start, or to "
                    + "the end of the element with this xml:id (default: to where the shared text ends).")
    String to;

    @Option(names = "--no-trim", description = "Collate the witnesses whole: no trimming to the shared text.")
    boolean noTrim;

    @Option(names = "--exact-spacing",
            description = "A difference of spacing alone (a space against none) is an apparatus entry too, so that "
                    + "each witness's text is rebuilt character for character (default: not a variant).")
    boolean exactSpacing;

    @Spec
    CommandSpec spec;

    /**
     * The error for the first character of a plain-text witness that XML 1.0 cannot hold, or null. Form feeds and
     * vertical tabs (page breaks of extracted text) were made spaces before: they are whitespace to the collation.
     */
    static String notXml(Path file, String text) {
        int line = 1;
        int col = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0xFFFE || c == 0xFFFF) {
                return Diagnostic.error(file.toString(), line, col, String.format("control character U+%04X"
                        + " cannot be written in XML: remove it from the witness", (int) c), "xml-char", "input").format();
            }
            if (c == '\n') {
                line++;
                col = 1;
            } else {
                col++;
            }
        }
        return null;
    }

    @Override
    public Integer call() throws IOException {
        var err = spec.commandLine().getErr();
        if (witnesses.size() < 2) throw new ParameterException(spec.commandLine(), "give at least two witnesses (--wit SIGLUM=FILE)");
        EnumSet<Collator.Normalization> norm = EnumSet.noneOf(Collator.Normalization.class);
        for (String s : normalize) {
            try {
                norm.add(Collator.Normalization.valueOf(s.trim().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "unknown normalisation '" + s + "'; known: case, punctuation, dashes, quotes");
            }
        }
        String baseSiglum = base == null ? witnesses.keySet().iterator().next() : base;
        if (!witnesses.containsKey(baseSiglum)) {
            throw new ParameterException(spec.commandLine(), "--base " + baseSiglum + " is not one of the witnesses (" + String.join(", ", witnesses.keySet()) + ")");
        }
        Toolkit toolkit = new Toolkit();
        List<Collator.Input> inputs = new ArrayList<>();
        Map<String, String> fromPhrase = new LinkedHashMap<>(), toPhrase = new LinkedHashMap<>();
        for (var e : witnesses.entrySet()) {
            String siglum = e.getKey();
            checkSiglum(spec, siglum);
            Loaded w = load(toolkit, e.getValue(), err);
            if (w == null) return Main.FAILED;
            if (w.doc() != null) {
                // an id names an element of this document: its first (--from) or last (--to) words are the phrase
                if (from != null) fromPhrase.put(siglum, WitnessText.phraseOf(toolkit.xslt(), w.doc().node(), from, true).orElse(from));
                if (to != null) toPhrase.put(siglum, WitnessText.phraseOf(toolkit.xslt(), w.doc().node(), to, false).orElse(to));
            } else {
                if (from != null) fromPhrase.put(siglum, from);
                if (to != null) toPhrase.put(siglum, to);
            }
            inputs.add(new Collator.Input(siglum, w.text(), w.name()));
        }
        Collator.Result result;
        try {
            result = new Collator(norm, exactSpacing).collate(inputs, baseSiglum, new Collator.Span(fromPhrase, toPhrase, !noTrim));
        } catch (Collator.PhraseNotFoundException x) {
            err.println("error: " + x.getMessage());
            return Main.FAILED;
        }
        // what was left out goes to stderr (and into each witness's description), never silently
        for (String line : result.leftOut()) err.println("collate: " + line);
        if (output == null) spec.commandLine().getOut().print(result.tei());
        else AtomicOutput.write(output, result.tei().getBytes(StandardCharsets.UTF_8));
        return Main.OK;
    }

    /** A siglum becomes an xml:id: it must be an XML name. */
    static void checkSiglum(CommandSpec spec, String siglum) {
        if (!siglum.matches("[\\p{L}_][\\p{L}\\p{N}_.-]*")) {
            throw new ParameterException(spec.commandLine(), "siglum '" + siglum + "' is not an XML name (letters, digits, _ . -)");
        }
    }

    /** A witness read from the command line: its text, a name for the header, its document when it is TEI. */
    record Loaded(String text, String name, SourceDocument doc) {
    }

    /**
     * Reads a witness given as FILE (plain text), FILE.xml (a TEI document's edited text), FILE.xml#SIGLUM (that
     * witness of its apparatus) or FILE.xml#lemma; null after printing the error.
     */
    static Loaded load(Toolkit toolkit, String given, PrintWriter err) throws IOException {
        int hash = given.lastIndexOf('#');
        Path file = Path.of(hash >= 0 ? given.substring(0, hash) : given);
        String part = hash >= 0 ? given.substring(hash + 1) : null;
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        if (part == null && !name.toLowerCase(Locale.ROOT).matches(".*\\.(xml|tei)$")) {
            if (!Files.isRegularFile(file)) {
                err.println("error: " + file + ": file not found");
                return null;
            }
            String text = Files.readString(file, StandardCharsets.UTF_8).replace('\f', ' ').replace('\u000B', ' ');
            String bad = notXml(file, text);
            if (bad != null) {
                err.println(bad);
                return null;
            }
            return new Loaded(text, name, null);
        }
        SourceDocument doc;
        try {
            doc = toolkit.parse(file);
        } catch (XmlInputException x) {
            err.println(x.diagnostic().format());
            return null;
        }
        String wit = part == null || part.equals("lemma") ? null : part;
        try {
            String text = WitnessText.of(toolkit.xslt(), doc.node(), wit);
            return new Loaded(text, name + (wit == null ? " (edited text)" : " (witness " + wit + ")"), doc);
        } catch (WitnessText.UnknownWitnessException x) {
            err.println("error: no witness '" + x.siglum() + "' in " + file + " (known: "
                    + (x.known().isEmpty() ? "none" : String.join(", ", x.known())) + ")");
            return null;
        }
    }
}
