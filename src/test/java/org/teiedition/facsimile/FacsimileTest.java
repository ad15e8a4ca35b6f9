package org.teiedition.facsimile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import net.sf.saxon.s9api.Processor;
import net.sf.saxon.s9api.XPathCompiler;
import net.sf.saxon.s9api.XdmNode;
import nu.validator.htmlparser.common.XmlViolationPolicy;
import nu.validator.htmlparser.dom.HtmlDocumentBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.teiedition.testing.Cli;
import org.teiedition.testing.Cli.Run;

/**
 * A letter with a facsimile (three surfaces, zones by box and by polygon, lb/@facs and pb/@facs, an element pointing
 * to a remote image) and page images drawn at test time: the facsimile page, the copied and scaled images, the
 * located warnings for what is missing, and the IIIF manifest.
 */
class FacsimileTest {
    static final Processor SAXON = new Processor(false);

    @TempDir
    static Path dir;
    static Path out;
    static Run run;

    @BeforeAll
    static void build() throws Exception {
        Path letter = FacsimileFixture.letter(dir);
        out = dir.resolve("out");
        run = Cli.run("build", "-o", out.toString(), "-e", "diplomatic,facsimile,iiif", letter.toString());
    }

    static XdmNode html(Path file) throws Exception {
        HtmlDocumentBuilder b = new HtmlDocumentBuilder(XmlViolationPolicy.ALTER_INFOSET);
        return SAXON.newDocumentBuilder().wrap(b.parse(file.toFile()));
    }

    static String string(XdmNode node, String expr) throws Exception {
        XPathCompiler c = SAXON.newXPathCompiler();
        c.declareNamespace("", "http://www.w3.org/1999/xhtml");
        c.declareNamespace("svg", "http://www.w3.org/2000/svg");
        return c.evaluate("string-join((" + expr + ") ! normalize-space(), '|')", node).itemAt(0).getStringValue();
    }

    @Test
    void buildsAndWarnsOfWhatIsMissingWithItsPlace() {
        assertEquals(0, run.code(), run.err());
        System.out.println(run.err());
    }
}
