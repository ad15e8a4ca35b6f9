package org.teiedition.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.teiedition.Diagnostic;
import org.teiedition.testing.Cli.Run;
import org.teiedition.testing.Shared;
import org.teiedition.testing.Cli;
import org.teiedition.transform.Xslt;
import org.teiedition.xml.SourceDocument;
import org.teiedition.xml.XmlInputException;

/** Grammar kinds (.rng, .rnc, .xsd), xml-model, tei_all, security, and the validate command's contract. */
class SchemaLayersTest {
    static final Path DIR = Path.of("src/test/resources/validation");
    static final Path OTHER = DIR.resolve("other");
    static final Path LETTER = Path.of("tei/kennedy-to-khrushchev-1962-10-27.xml");

    static Run cli(String... args) {
        return Cli.run(args);
    }

    static List<Diagnostic> check(Xslt xslt, Path schema, Path doc) throws Exception {
        SchemaValidator v = new SchemaValidator(xslt, new SchemaValidator.Settings(List.of(schema.toAbsolutePath().toUri()), false));
        return v.validate(SourceDocument.parse(xslt.processor(), doc));
    }

    @Test
    void compactSyntaxAndXsdGrammarsReportLocatedErrors() throws Exception {
        Xslt xslt = new Xslt();
        for (String schema : List.of("note.rnc", "note.xsd")) {
            assertEquals(List.of(), check(xslt, OTHER.resolve(schema), OTHER.resolve("note-ok.xml")), schema);
            List<Diagnostic> bad = check(xslt, OTHER.resolve(schema), OTHER.resolve("note-bad.xml"));
            // Jing says it once; Xerces twice (cvc-attribute.3 and cvc-datatype-valid.1.2.1), both at the start tag.
            assertEquals(schema.endsWith(".xsd") ? 2 : 1, bad.size(), schema + ": " + bad);
            Diagnostic d = bad.get(0);
            assertEquals(2, d.line(), d.format());
            assertEquals(34, d.column(), d.format());
            assertTrue(d.message().contains("integer"), d.format());
            assertEquals("schema", d.layer());
            assertEquals(schema.endsWith(".xsd") ? "xsd" : "relaxng", d.rule());
        }
    }

    @Test
    void xmlModelNamesTheSchemasOfADocument() throws Exception {
        Xslt xslt = new Xslt();
        SchemaValidator v = new SchemaValidator(xslt, new SchemaValidator.Settings(List.of(), true));
        List<Diagnostic> d = v.validate(SourceDocument.parse(xslt.processor(), OTHER.resolve("with-xml-model.xml")));
        // both named grammars (Xerces reports the bad integer twice), none of the project's schemas
        List<String> lines = d.stream().map(Diagnostic::format).toList();
        assertEquals(3, lines.size(), lines.toString());
        assertTrue(lines.stream().allMatch(l -> l.startsWith(OTHER.resolve("with-xml-model.xml") + ":4:32: error: ")), lines.toString());
        assertEquals(1, lines.stream().filter(l -> l.endsWith("must be an integer [relaxng]")).count(), lines.toString());
        assertEquals(2, lines.stream().filter(l -> l.endsWith("[xsd]")).count(), lines.toString());
        assertEquals(2, v.cache().compilations(OTHER.resolve("note.rnc").toAbsolutePath().normalize().toUri())
                + v.cache().compilations(OTHER.resolve("note.xsd").toAbsolutePath().normalize().toUri()));
    }

    @Test
    void theKennedyLetterNamesTheProjectSchemasInItsXmlModel() {
        assumeTrue(Files.exists(LETTER), "tei/ letter not present");
        Run r = cli("validate", "--use-xml-model", LETTER.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("1 file, 1 valid, 0 errors, 0 warnings", r.out().strip());
    }

    @Test
    void validateExitCodesAndJson() {
        Run ok = cli("validate", DIR.resolve("valid").toString());
        assertEquals(0, ok.code(), ok.err());
        assertEquals("2 files, 2 valid, 0 errors, 0 warnings", ok.out().strip());

        Run bad = cli("validate", "--format", "json", DIR.resolve("invalid/header-date-iso.xml").toString());
        assertEquals(1, bad.code());
        assertTrue(bad.out().strip().startsWith("[") && bad.out().strip().endsWith("]"), bad.out());
        assertTrue(bad.out().contains("\"line\": 14, \"column\": 30, \"severity\": \"error\""), bad.out());
        assertTrue(bad.out().contains("\"rule\": \"header-date-iso\", \"layer\": \"schematron\""), bad.out());
        assertTrue(bad.err().contains("1 file, 0 valid, 1 error, 0 warnings"), bad.err());

        Run usage = cli("validate", "--schema", "no/such.rng", DIR.resolve("valid").toString());
        assertEquals(2, usage.code(), usage.err());
        assertTrue(usage.err().contains("no/such.rng: file not found"), usage.err());
        Run kind = cli("validate", "--schema", "pom.xml", DIR.resolve("valid").toString());
        assertEquals(2, kind.code(), kind.err());
    }

    @Test
    void aBrokenSchemaIsAUsageError() throws Exception {
        Path broken = Files.createTempFile("broken", ".rng");
        Files.writeString(broken, "<grammar xmlns=\"http://relaxng.org/ns/structure/1.0\"><start><ref name=\"nowhere\"/></start></grammar>");
        try {
            Run r = cli("validate", "--schema", broken.toString(), DIR.resolve("valid").toString());
            assertEquals(2, r.code(), r.err());
            assertTrue(r.err().contains("cannot compile the schema") && r.err().contains("nowhere"), r.err());
            assertThrows(SchemaException.class, () -> Grammar.compile(broken.toUri()));
        } finally {
            Files.delete(broken);
        }
    }

    @Test
    void validFixturesAndTheLetterAreValidAgainstTeiAll() throws Exception {
        Path teiAllRng = Shared.path("schemas/tei_all.rng");
        Xslt xslt = new Xslt();
        Grammar teiAll = Grammar.compile(teiAllRng.toAbsolutePath().toUri());
        List<Path> docs = new java.util.ArrayList<>(List.of(DIR.resolve("valid/minimal-letter.xml"), DIR.resolve("valid/full-letter.xml")));
        if (Files.exists(LETTER)) docs.add(LETTER);
        for (Path doc : docs) {
            assertEquals(List.of(), teiAll.check(SourceDocument.parse(xslt.processor(), doc)).stream().map(Diagnostic::format).toList(), doc.toString());
        }
        // The project grammar is a subset of tei_all: the documents that fail only Schematron are TEI too.
        try (var files = Files.list(DIR.resolve("invalid"))) {
            for (Path doc : files.filter(p -> !p.getFileName().toString().matches("malformed.xml|rng-violation.xml")).toList()) {
                List<Diagnostic> d = teiAll.check(SourceDocument.parse(xslt.processor(), doc));
                assertEquals(List.of(), d.stream().map(Diagnostic::format).toList(), doc.toString());
            }
        }
    }

    @Test
    void externalEntitiesAndDtdsAreNeverRead() throws Exception {
        String passwd = Files.exists(Path.of("/etc/passwd")) ? Files.readString(Path.of("/etc/passwd")) : "root:x:0:0";
        String firstLine = passwd.lines().findFirst().orElse("root:x:0:0");
        for (String f : List.of("xxe.xml", "external-dtd.xml")) {
            Path doc = DIR.resolve("security").resolve(f);
            Run r = cli("validate", doc.toString());
            assertEquals(1, r.code(), r.err());
            assertFalse(r.err().contains(firstLine) || r.out().contains(firstLine), "leaked /etc/passwd: " + r.err());
            assertFalse(r.err().contains("root:"), r.err());
            if (f.equals("xxe.xml")) {
                assertTrue(r.err().contains("xxe.xml:5:86: error: external entity &xxe; (SYSTEM \"file:///etc/passwd\") is not loaded: "
                        + "tei-edition never reads external entities or DTDs [xml-wellformed]"), r.err());
            } else {
                // the external DTD is simply not read: the document is judged on its own (and is incomplete TEI)
                assertTrue(r.err().contains("[relaxng]"), r.err());
            }
            Run json = cli("validate", "--format", "json", doc.toString());
            assertFalse(json.out().contains("root:"), json.out());
        }
        // The grammar layer re-reads the file with the same hardened reader.
        Xslt xslt = new Xslt();
        Grammar g = Grammar.compile(SchemaValidator.projectSchemas().get(0));
        assertThrows(XmlInputException.class, () -> SourceDocument.parse(xslt.processor(), DIR.resolve("security/xxe.xml")));
        assertTrue(g.uri().toString().endsWith("schema/tei-letter.rng"));
    }

    @Test
    void schematronWarningsAreWarnings() throws Exception {
        Path sch = Files.createTempFile("rules", ".sch");
        Files.writeString(sch, """
                <sch:schema xmlns:sch="http://purl.oclc.org/dsdl/schematron" queryBinding="xslt3">
                  <sch:ns prefix="t" uri="urn:x-test"/>
                  <sch:pattern><sch:rule context="t:note">
                    <sch:report id="short-note" role="warning" test="string-length(.) lt 5">Short note. Hint: say more.</sch:report>
                  </sch:rule></sch:pattern>
                </sch:schema>""");
        try {
            Xslt xslt = new Xslt();
            List<Diagnostic> d = check(xslt, sch, OTHER.resolve("note-ok.xml"));
            assertEquals(1, d.size(), d.toString());
            assertEquals(Diagnostic.Severity.WARNING, d.get(0).severity());
            assertEquals("short-note", d.get(0).rule());
            assertEquals(2, d.get(0).line());
        } finally {
            Files.delete(sch);
        }
    }

    @Test
    void anXmlModelHrefThatIsNoPathIsAnErrorOfThatFileOnly(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        String letter = Files.readString(Path.of("src/test/resources/fixtures/small-letter.xml"));
        for (String href : List.of("urn:x.rng", "mailto:x.rng", "x:", "a%zz.rng")) {
            Path bad = dir.resolve("bad.xml");
            Files.writeString(bad, letter.replaceFirst("\\?>", "?>\n<?xml-model href=\"" + href
                    + "\" schematypens=\"http://relaxng.org/ns/structure/1.0\"?>"));
            Path good = dir.resolve("good.xml");
            Files.writeString(good, letter);
            Run r = cli("validate", "--use-xml-model", bad.toString(), good.toString());
            assertEquals(1, r.code(), href + ": " + r.err());
            assertTrue(r.err().contains(bad + ":2:"), href + ": located at the xml-model: " + r.err());
            assertTrue(r.err().contains(href), href + ": names the href: " + r.err());
            assertFalse(r.err().contains(good + ":"), href + ": the other file is valid: " + r.err());
            assertFalse(r.err().contains("Exception") || r.err().contains("Cannot invoke"), r.err());
            assertTrue(r.out().contains("2 files, 1 valid"), href + ": summary: " + r.out() + r.err());
        }
    }

    static URI uri(Path p) {
        return p.toAbsolutePath().toUri();
    }
}
