package org.teiedition.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.teiedition.Diagnostic;
import org.teiedition.Toolkit;
import org.teiedition.xml.XmlInputException;

/**
 * Drives src/test/resources/validation/expected.tsv: every fixture gives exactly the diagnostics listed for it
 * (rule id, severity, line, column, message substring) and nothing else; files not listed give none.
 */
class ValidationFixturesTest {
    static final Path DIR = Path.of("src/test/resources/validation");
    static final Path LETTER = Path.of("tei/kennedy-to-khrushchev-1962-10-27.xml");
    static Toolkit toolkit;

    record Expected(String file, String severity, String rule, int line, int column, String message) {
    }

    @BeforeAll
    static void setUp() {
        toolkit = new Toolkit();
    }

    static List<Diagnostic> validate(Path file) {
        try {
            return toolkit.validate(toolkit.parse(file));
        } catch (XmlInputException e) {
            return List.of(e.diagnostic());
        }
    }

    static Map<String, List<Expected>> expected() throws IOException {
        Map<String, List<Expected>> byFile = new TreeMap<>();
        for (String line : Files.readAllLines(DIR.resolve("expected.tsv"))) {
            if (line.isBlank() || line.startsWith("#") || line.startsWith("file\t")) continue;
            String[] f = line.split("\t", -1);
            assertEquals(6, f.length, "expected.tsv row needs 6 tab-separated fields: " + line);
            byFile.computeIfAbsent(f[0], k -> new ArrayList<>())
                    .add(new Expected(f[0], f[1], f[2], Integer.parseInt(f[3]), Integer.parseInt(f[4]), f[5]));
        }
        return byFile;
    }

    @TestFactory
    Stream<DynamicTest> everyFixtureGivesExactlyItsExpectedDiagnostics() throws IOException {
        Map<String, List<Expected>> expected = expected();
        List<String> files;
        try (Stream<Path> walk = Files.walk(DIR)) {
            files = walk.filter(p -> p.toString().endsWith(".xml"))
                    .filter(p -> !p.startsWith(DIR.resolve("security")) && !p.startsWith(DIR.resolve("other")))
                    .map(p -> DIR.relativize(p).toString().replace('\\', '/')).sorted().toList();
        }
        assertTrue(files.containsAll(expected.keySet()), "expected.tsv names missing files: " + expected.keySet());
        return files.stream().map(file -> DynamicTest.dynamicTest(file, () -> {
            List<Diagnostic> got = validate(DIR.resolve(file));
            List<Expected> want = expected.getOrDefault(file, List.of());
            String shown = got.stream().map(Diagnostic::format).collect(Collectors.joining("\n"));
            assertEquals(want.size(), got.size(), file + " gave:\n" + shown);
            for (int i = 0; i < want.size(); i++) {
                Expected e = want.get(i);
                Diagnostic d = got.get(i);
                assertEquals(e.rule(), d.rule(), file + ": rule id; got " + d.format());
                assertEquals(e.severity(), d.severity().label(), file + ": severity; got " + d.format());
                assertEquals(e.line(), d.line(), file + ": line; got " + d.format());
                assertEquals(e.column(), d.column(), file + ": column; got " + d.format());
                assertTrue(d.message().contains(e.message()), file + ": message should contain «" + e.message() + "»; got " + d.format());
                if (d.layer().equals(Schematron.LAYER)) {
                    assertTrue(d.message().contains("Hint: "), "every Schematron message says how to fix it: " + d.format());
                }
            }
        }));
    }

    @Test
    void everySchematronAssertHasAFixture() throws Exception {
        String sch = Files.readString(Path.of("schema/tei-letter.sch"));
        var m = java.util.regex.Pattern.compile("<sch:(?:assert|report) id=\"([^\"]+)\"").matcher(sch);
        List<String> ids = new ArrayList<>();
        while (m.find()) ids.add(m.group(1));
        assertTrue(ids.size() >= 10, "asserts found: " + ids);
        Map<String, List<Expected>> expected = expected();
        for (String id : ids) {
            assertTrue(expected.containsKey("invalid/" + id + ".xml"), "no fixture invalid/" + id + ".xml");
            assertEquals(id, expected.get("invalid/" + id + ".xml").get(0).rule());
        }
    }

    @Test
    void theKennedyLetterValidatesClean() {
        Path letter = Files.exists(LETTER) ? LETTER : DIR.resolve("valid/full-letter.xml");
        List<Diagnostic> got = validate(letter);
        assertEquals(List.of(), got.stream().map(Diagnostic::format).toList());
    }

    @Test
    void theRuleIdsAppearInTheFormattedLine() {
        List<Diagnostic> got = validate(DIR.resolve("invalid/note-type.xml"));
        assertEquals(1, got.size());
        String line = got.get(0).format();
        assertTrue(line.startsWith("src/test/resources/validation/invalid/note-type.xml:47:71: error: A note without @type"), line);
        assertTrue(line.endsWith(" [note-type]"), line);
    }

    @Test
    void jsonReportHasStableFieldNames() {
        List<Diagnostic> got = validate(DIR.resolve("invalid/wit-once.xml"));
        String json = JsonReport.format(got);
        assertTrue(json.startsWith("[\n  {\"file\": \"src/test/resources/validation/invalid/wit-once.xml\", \"line\": 45, "
                + "\"column\": 52, \"severity\": \"error\", \"message\": \"Witness(es) #A named"), json);
        assertTrue(json.contains("\"rule\": \"wit-once\", \"layer\": \"schematron\"}\n]"), json);
        assertEquals("[]", JsonReport.format(List.of()));
        assertEquals("\"a\\\"b\\\\c\\n\\u0001\"", org.teiedition.Json.quote("a\"b\\c\n\u0001"));
    }

    @Test
    void noFixtureIsInvalidInAnUnexpectedLayer() throws IOException {
        // The valid fixtures pass every layer; the invalid ones fail only in theirs (also asserted above, per file).
        for (String f : List.of("valid/minimal-letter.xml", "valid/full-letter.xml")) {
            assertFalse(validate(DIR.resolve(f)).stream().anyMatch(Diagnostic::isError), f);
        }
    }
}
