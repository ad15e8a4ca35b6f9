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
    void warnsOfWhatIsMissingWithItsPlaceAndStillBuilds() throws Exception {
        assertEquals(0, run.code(), run.err());
        String err = run.err().replace(dir.toString(), "DIR");
        assertEquals(List.of(
                "DIR/letter.xml:26:69: warning: zone 600,900–900,1100 lies outside its surface (0,0–800,1000)",
                "DIR/letter.xml:35:41: warning: facsimile image \"images/broken.png\" cannot be read: not an image format that can be read"
                        + " (PNG, JPEG, GIF, BMP, TIFF) (looked for DIR/images/broken.png)",
                "DIR/letter.xml:58:53: warning: @facs \"#missing\" points nowhere: no surface, zone or graphic of the facsimile has the id missing"),
                err.lines().filter(l -> l.contains("warning:")).toList());
        assertTrue(Files.isRegularFile(out.resolve("letter/facsimile.html")));
    }

    @Test
    void thePageShowsEachSurfaceWithItsZonesAndTheTextPointsToThem() throws Exception {
        XdmNode page = html(out.resolve("letter/facsimile.html"));
        assertEquals("f1|f2|f3|f4", string(page, "//figure[@class='fx-surface']/@id"));
        assertEquals("facsimile/f1.png|facsimile/f2.jpg", string(page, "//figure//img/@src"));
        assertEquals("800|1000", string(page, "//figure[@id='f1']//img/@width, //figure[@id='f1']//img/@height"));
        // the coordinate space: the surface's own (800 × 1000), the image's pixels for page 2 (3000 × 4000)
        assertEquals("0 0 800 1000|0 0 3000 4000", string(page, "//svg:svg/@viewBox"));
        assertEquals("100|200|600|60", string(page, "for $r in //svg:rect[@id='f1z2'] return ($r/@x, $r/@y, $r/@width, $r/@height)"));
        assertEquals("300,300 2700,300 2700,500 300,500", string(page, "//svg:polygon[@id='f2z1']/@points"));
        // a remote image is linked, and loaded only when the reader asks
        assertEquals("https://images.example.org/letters/signature.jpg|0", string(page, "//figure[@id='f4']//@data-src, count(//figure[@id='f4']//img)"));
        assertTrue(string(page, "//figure[@id='f3']").contains("no image (“images/broken.png” is not available)"), string(page, "//figure[@id='f3']"));
        // the text: a page starts where its page break is, each line marker names its zone, an element its surface
        assertEquals("f1|f2|f3", string(page, "//span[@class='fx-page']/@data-page"));
        assertEquals("f1z1|f1z2|f1z3|f2z1|f2z2", string(page, "//a[contains-token(@class, 'fx-line')]/@data-facs"));
        assertEquals("#f1z2", string(page, "//a[@data-facs='f1z2']/@href"));
        assertEquals("Anna|0", string(page, "for $e in //*[contains-token(@class, 'fx-ref')][@data-facs='f4'] return ($e, $e/@tabindex)"));
        nu.validator.client.EmbeddedValidator vnu = new nu.validator.client.EmbeddedValidator();
        vnu.setOutputFormat(nu.validator.client.EmbeddedValidator.OutputFormat.GNU);
        vnu.setNoLangDetect(true);
        assertEquals(List.of(), vnu.validate(out.resolve("letter/facsimile.html")).lines().filter(l -> l.contains(" error:")).toList(),
                "valid HTML5 (vnu's errors; its warnings aside)");
        // the diplomatic text itself is the diplomatic edition's
        assertTrue(string(page, "//article[@id='text']").contains("old pear tree is in flower."));
    }

    @Test
    void localImagesAreCopiedAndALargeOneIsScaled() throws Exception {
        assertTrue(java.util.Arrays.equals(Files.readAllBytes(dir.resolve("images/page1.png")),
                Files.readAllBytes(out.resolve("letter/facsimile/f1.png"))), "a small PNG is copied as it is");
        BufferedImage page2 = ImageIO.read(out.resolve("letter/facsimile/f2.jpg").toFile());
        assertEquals(1800, page2.getWidth());
        assertEquals(2400, page2.getHeight());
        // the drawn line of the first zone (y 400 of 4000) is still there, at 240 of 2400; the paper around it is white
        assertTrue(brightness(page2.getRGB(900, 240)) < 100, "the line");
        assertTrue(brightness(page2.getRGB(900, 120)) > 230, "the paper");
        assertFalse(Files.exists(out.resolve("letter/facsimile/f3.png")), "an unreadable image is not copied");
    }

    @Test
    void aSecondBuildWritesTheSameBytes() throws Exception {
        Path again = dir.resolve("again");
        Run r = Cli.run("build", "-o", again.toString(), "-e", "diplomatic,facsimile,iiif", dir.resolve("letter.xml").toString());
        assertEquals(0, r.code(), r.err());
        List<String> files = List.of("facsimile.html", "manifest.json", "facsimile/f1.png", "facsimile/f2.jpg");
        for (String f : files) {
            assertTrue(java.util.Arrays.equals(Files.readAllBytes(out.resolve("letter").resolve(f)),
                    Files.readAllBytes(again.resolve("letter").resolve(f))), f);
        }
        try (var listing = Files.list(again.resolve("letter/facsimile"))) {
            assertEquals(List.of("f1.png", "f2.jpg"), listing.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void iiifImageServicesManifestsAndCanvasesAreLinkedAndKept() throws Exception {
        Path iiif = dir.resolve("iiif-letter.xml");
        Files.copy(Path.of("src/test/resources/facsimile/iiif-letter.xml"), iiif);
        Run r = Cli.run("build", "-o", dir.resolve("iiif-out").toString(), "-e", "facsimile,iiif", iiif.toString());
        assertEquals(0, r.code(), r.err());
        assertFalse(r.err().contains("warning"), r.err());
        XdmNode page = html(dir.resolve("iiif-out/iiif-letter/facsimile.html"));
        // the Image API service asked for a page-sized image, loaded when the reader asks; the source's manifest linked
        assertEquals("https://iiif.example.org/image/iiif/3/letter-7-p1/full/!2400,2400/0/default.jpg|"
                + "https://iiif.example.org/image/iiif/2/letter-7-p2/full/!2400,2400/0/default.jpg",
                string(page, "//figure//@data-src"));
        assertEquals("https://iiif.example.org/presentation/letter-7/manifest", string(page, "//p[@class='fx-manifest']/a/@href"));
        Path manifest = dir.resolve("iiif-out/iiif-letter/manifest.json");
        XPathCompiler c = SAXON.newXPathCompiler();
        String json = "parse-json(unparsed-text('" + manifest.toUri() + "'))";
        java.util.function.Function<String, String> q = expr -> {
            try {
                return c.evaluate("let $m := " + json + " return string-join((" + expr + ") ! string(), '|')", null).itemAt(0).getStringValue();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
        // the canvas the TEI names keeps its id, so that the transcription attaches to the holder's canvas
        assertEquals("https://iiif.example.org/presentation/letter-7/canvas/p1|canvas/f2", q.apply("$m?items?*?id"));
        assertEquals("4000|5000|3000|4000", q.apply("$m?items?* ! (?width, ?height)"));
        assertEquals("https://iiif.example.org/image/iiif/3/letter-7-p1|ImageService3",
                q.apply("$m?items?*[1]?items?*?items?*?body?service?* ! (?id, ?type)"));
        assertEquals("https://iiif.example.org/presentation/letter-7/canvas/p1#xywh=400,500,3200,300",
                q.apply("$m?items?*?annotations?*?items?*?target"));
        assertEquals("https://iiif.example.org/presentation/letter-7/manifest", q.apply("$m?seeAlso?*?id"));
    }

    static int brightness(int rgb) {
        return (((rgb >> 16) & 255) + ((rgb >> 8) & 255) + (rgb & 255)) / 3;
    }

    @Test
    void aTiffIsReadAndReencodedForTheBrowser() throws Exception {
        Images.Probe probe = Images.probe(dir.resolve("images/page2.tif"));
        assertEquals(new Images.Probe(3000, 4000, "tif"), probe);
        BufferedImage copy = ImageIO.read(new java.io.ByteArrayInputStream(Images.outputCopy(dir.resolve("images/page2.tif"), probe)));
        assertEquals(1800, copy.getWidth());
        assertEquals(2400, copy.getHeight());
    }

    /** XPath over a manifest, bound to $m, each result as a string, joined with "|" (the second argument is unused). */
    static java.util.function.BiFunction<String, String, String> manifestQuery(Path manifest) {
        XPathCompiler c = SAXON.newXPathCompiler();
        c.declareVariable(new net.sf.saxon.s9api.QName("m"));
        return (expr, unused) -> {
            try {
                var sel = c.compile("string-join((" + expr + ") ! string(), '|')").load();
                sel.setVariable(new net.sf.saxon.s9api.QName("m"),
                        SAXON.newXPathCompiler().evaluate("parse-json(unparsed-text('" + manifest.toUri() + "'))", null));
                return sel.evaluateSingle().getStringValue();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
    }

    /** Every annotation's target is its canvas, and its region lies inside it: what is wrong, or "". */
    static final String TARGETS_OUTSIDE_THEIR_CANVAS = "for $cv in $m?items?*, $a in ($cv?items?*?items?*, $cv?annotations?*?items?*) "
            + "return let $t := $a?target, $xywh := tokenize(substring-after($t, '#xywh='), ',') ! xs:integer(.) "
            + "return if (substring-before($t || '#', '#') ne $cv?id) then 'other canvas: ' || $t "
            + "else if (exists($xywh) and ($xywh[1] lt 0 or $xywh[2] lt 0 or $xywh[1] + $xywh[3] gt $cv?width "
            + "or $xywh[2] + $xywh[4] gt $cv?height)) then 'outside: ' || $t else ()";

    /** Every id of the manifest, its own and those of its canvases, pages and annotations. */
    static final String ALL_IDS = "$m?id, $m?items?* ! (?id, ?items?*?id, ?items?*?items?*?id, ?items?*?items?*?body?id, ?annotations?*?id, ?annotations?*?items?*?id)";

    @Test
    void theManifestHasACanvasPerSurfaceWithItsImageAndTheLinesAsAnnotationsInsideIt() throws Exception {
        var q = manifestQuery(out.resolve("letter/manifest.json"));
        assertEquals("http://iiif.io/api/presentation/3/context.json|Manifest|manifest.json", q.apply("$m?('@context'), $m?type, $m?id", ""));
        assertEquals("A letter with its facsimile", q.apply("$m?label?en?*", ""));
        // surfaces 3 (no readable image) and 4 (a remote image of unknown size) have no canvas
        assertEquals("canvas/f1|canvas/f2", q.apply("$m?items?*?id", ""));
        assertEquals("Canvas|Canvas", q.apply("$m?items?*?type", ""));
        assertEquals("800|1000|3000|4000", q.apply("$m?items?* ! (?width, ?height)", ""));
        // the painting annotation: the copied image, targeting its canvas
        assertEquals("facsimile/f1.png|image/png|painting|canvas/f1|facsimile/f2.jpg|image/jpeg|painting|canvas/f2",
                q.apply("$m?items?* ! ?items?*?items?* ! (?body?id, ?body?format, ?motivation, ?target)", ""));
        assertEquals("Dear Bert,|The garden is green again, and the|old pear tree is in flower.|We shall come on Sunday|if the weather holds.",
                q.apply("$m?items?*?annotations?*?items?*?body?value", ""));
        assertEquals("supplementing", q.apply("distinct-values($m?items?*?annotations?*?items?*?motivation)", ""));
        // every annotation's target is its canvas, and its region lies inside it
        assertEquals("", q.apply(TARGETS_OUTSIDE_THEIR_CANVAS, ""));
        assertEquals("canvas/f1#xywh=100,200,600,60", q.apply("($m?items?*?annotations?*?items?*?target)[2]", ""));
        // every id is unique
        assertEquals("true", q.apply("let $ids := ($m?items?* ! (?id, ?items?*?id, ?items?*?items?*?id, ?annotations?*?id, ?annotations?*?items?*?id)) "
                + "return count($ids) = count(distinct-values($ids))", ""));
    }

    @Test
    void withABaseUrlEveryIdOfTheManifestIsAbsoluteUnderIt() throws Exception {
        Path published = dir.resolve("published");
        Run r = Cli.run("build", "-o", published.toString(), "-e", "diplomatic,facsimile,iiif", "--base-url", "https://edition.example.org/letters/",
                dir.resolve("letter.xml").toString());
        assertEquals(0, r.code(), r.err());
        var q = manifestQuery(published.resolve("letter/manifest.json"));
        String base = "https://edition.example.org/letters/letter/";
        assertEquals(base + "manifest.json", q.apply("$m?id", ""));
        assertEquals(base + "canvas/f1|" + base + "canvas/f2", q.apply("$m?items?*?id", ""));
        assertEquals(base + "canvas/f1/page|" + base + "canvas/f1/image|" + base + "facsimile/f1.png|" + base + "canvas/f1",
                q.apply("$m?items?*[1] ! (?items?*?id, ?items?*?items?*?id, ?items?*?items?*?body?id, ?items?*?items?*?target)", ""));
        assertEquals(base + "canvas/f1/transcription|" + base + "canvas/f1/line/2|" + base + "canvas/f1#xywh=100,200,600,60",
                q.apply("$m?items?*[1]?annotations?* ! (?id, ?items?*[2]?id, ?items?*[2]?target)", ""));
        assertEquals("", q.apply("(" + ALL_IDS + ")[not(starts-with(., '" + base + "'))]", ""), "every id absolute, under the base URL");
        assertEquals("", q.apply(TARGETS_OUTSIDE_THEIR_CANVAS, ""));
        assertEquals("true", q.apply("let $ids := (" + ALL_IDS + ") return count($ids) = count(distinct-values($ids))", ""));
        // without a base URL, the same manifest with ids relative to it
        var relative = manifestQuery(out.resolve("letter/manifest.json"));
        assertEquals(q.apply("string-join((" + ALL_IDS + "), ' ')", "").replace(base, ""), relative.apply("string-join((" + ALL_IDS + "), ' ')", ""));
    }
}
