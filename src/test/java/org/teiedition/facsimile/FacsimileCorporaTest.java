package org.teiedition.facsimile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.sf.saxon.s9api.XPathCompiler;
import net.sf.saxon.s9api.XdmNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.teiedition.testing.Cli;
import org.teiedition.testing.Cli.Run;
import org.teiedition.testing.NeedsShared;
import org.teiedition.testing.Shared;
import org.teiedition.xml.OutputNames;

/**
 * The sample corpora's facsimiles: the Schnitzler letters (facsimile/graphic/@url named by pb/@facs without "#")
 * and the I.Sicily inscriptions (facsimile/surface with a TIFF and a JPEG graphic, none pointed to). Their images
 * are not in the corpora: every page still builds, each image that is not there is one located warning, and each
 * page break of the text opens the surface its @facs names.
 */
@NeedsShared({"corpora/schnitzler-briefe", "corpora/isicily-epidoc"})
class FacsimileCorporaTest {
    @TempDir
    static Path dir;
    static Path out;
    static Run run;

    @BeforeAll
    static void build() {
        out = dir.resolve("out");
        run = Cli.run("build", "--no-validate", "-e", "facsimile,iiif", "-o", out.toString(),
                Shared.path("corpora/schnitzler-briefe").toString(), Shared.path("corpora/isicily-epidoc").toString());
    }

    static String tei(XdmNode doc, String expr) throws Exception {
        XPathCompiler c = FacsimileTest.SAXON.newXPathCompiler();
        c.declareNamespace("", "http://www.tei-c.org/ns/1.0");
        return c.evaluate("string-join((" + expr + ") ! string(), '|')", doc).itemAt(0).getStringValue();
    }

    @Test
    void everyLetterPageOpensTheImageItsPageBreakNames() throws Exception {
        assertEquals(0, run.code(), run.err());
        List<String> checked = new ArrayList<>();
        for (Path file : Shared.xmlFiles("corpora/schnitzler-briefe")) {
            XdmNode source = FacsimileTest.SAXON.newDocumentBuilder().build(file.toFile());
            String graphics = tei(source, "//facsimile/graphic/@url");
            if (graphics.isEmpty()) continue;
            Path page = out.resolve(OutputNames.documentName(file)).resolve("facsimile.html");
            XdmNode html = FacsimileTest.html(page);
            // one figure per graphic, in order, named by its image's name, shown as not available
            String n = tei(source, "for $i in 1 to count(//facsimile/graphic) return 'f' || $i");
            assertEquals(n, FacsimileTest.string(html, "//figure[@class='fx-surface']/@id"), file.toString());
            assertEquals(tei(source, "//facsimile/graphic/@url ! ('no image (“' || . || '” is not available).')"),
                    FacsimileTest.string(html, "//figure/p[@class='fx-none'] ! substring-after(., ': ')"), file.toString());
            // each pb/@facs opens the surface of the graphic whose url it names
            assertEquals(tei(source, "let $u := //facsimile/graphic/@url return //text//pb[@facs]/@facs ! ('f' || index-of($u, normalize-space(.))[1])"),
                    FacsimileTest.string(html, "//span[@class='fx-page']/@data-page"), file.toString());
            // the first five missing images one by one, the rest counted
            String[] missing = graphics.split("\\|");
            for (int i = 0; i < Math.min(missing.length, Facsimile.MISSING_REPORTED); i++) {
                String g = missing[i];
                assertTrue(run.err().lines().anyMatch(l -> l.startsWith(file + ":") && l.contains(": warning: facsimile image \"" + g + "\" cannot be read: no such file")),
                        file + ": the missing image " + g + " is reported");
            }
            if (missing.length > Facsimile.MISSING_REPORTED) {
                assertTrue(run.err().contains(file + ": warning: " + (missing.length - Facsimile.MISSING_REPORTED)
                        + " more facsimile images cannot be read (the first 5 are reported one by one)"), run.err());
            }
            checked.add(file.getFileName().toString());
        }
        assertTrue(checked.size() >= 30, "letters with a facsimile: " + checked);
    }

    @Test
    void everyInscriptionShowsItsSurfacesAndNoImageIsFetched() throws Exception {
        assertEquals(0, run.code(), run.err());
        int surfaces = 0;
        for (Path file : Shared.xmlFiles("corpora/isicily-epidoc")) {
            XdmNode source = FacsimileTest.SAXON.newDocumentBuilder().build(file.toFile());
            String count = tei(source, "count(//facsimile//surface)");
            if (count.equals("0")) continue;
            XdmNode html = FacsimileTest.html(out.resolve(OutputNames.documentName(file)).resolve("facsimile.html"));
            assertEquals(count, FacsimileTest.string(html, "count(//figure[@class='fx-surface'])"), file.toString());
            // the JPEG is the image a page would show, before the TIFF master
            assertEquals(tei(source, "//facsimile//surface ! string((graphic[not(matches(@url, '\\.tiff?$'))], graphic)[1]/@url)"),
                    FacsimileTest.string(html, "//figure/p[@class='fx-none'] ! (if (contains(., '“')) then replace(., '^.*“(.*)”.*$', '$1') else '')"), file.toString());
            // no image in the page at all: nothing would be loaded, from here or elsewhere
            assertEquals("0", FacsimileTest.string(html, "count(//img)"), file.toString());
            surfaces += Integer.parseInt(count);
        }
        assertTrue(surfaces >= 20, "surfaces: " + surfaces);
        // a surface whose graphic declares its size is a canvas of that size, with no image painted on it
        String manifest = Files.readString(out.resolve("ISic000256/manifest.json"));
        assertTrue(manifest.contains("\"height\" : 3680") && manifest.contains("\"width\" : 5520"), manifest);
        assertFalse(manifest.contains("painting"), manifest);
    }
}
