package org.teiedition.editions;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import net.sf.saxon.s9api.XdmNode;
import net.sf.saxon.s9api.XPathCompiler;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.teiedition.testing.Shared;
import org.teiedition.transform.Xslt;
import org.teiedition.xml.SourceDocument;

class PrintEditionTest {
    static final Path LETTER = Path.of("tei/kennedy-to-khrushchev-1962-10-27.xml");
    /** Main text is 10.5pt; footnotes are 8–8.5pt, markers 70% of their context, margin numbers 8.5pt. */
    static final float MAIN_TEXT_SIZE = 10.5f;

    static Xslt xslt;
    static EditionRenderer renderer;
    static byte[] pdf;
    static List<String> warnings = new ArrayList<>();

    @BeforeAll
    static void build() throws Exception {
        xslt = new Xslt();
        renderer = new EditionRenderer(xslt);
        pdf = render(LETTER, warnings);
    }

    /** The PDF of {@code file}; its warnings, as the build prints them, go to {@code warn}. */
    static byte[] render(Path file, List<String> warn) throws Exception {
        SourceDocument doc = SourceDocument.parse(xslt.processor(), file);
        return renderer.render(doc, Editions.PRINT, null, false, null, d -> warn.add(d.format()));
    }

    /**
     * The PDF's text layer as PDFBox reads it, character by character as the PDF maps its glyphs (PDFBox's own text
     * spells out ligatures itself, which would hide the PDF's). A line's replacement text (/ActualText) stands for
     * its glyphs, and the soft hyphen that ends it where the layout hyphenated a word (PdfTextLayer) is kept: PDFBox
     * drops it, and the word's two halves would read as two words.
     */
    static class TextLayer extends PDFTextStripper {
        private final java.util.Set<TextPosition> hyphenated = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        private boolean softHyphen;

        @Override
        public void beginMarkedContentSequence(org.apache.pdfbox.cos.COSName tag, org.apache.pdfbox.cos.COSDictionary properties) {
            String actual = properties == null ? null : properties.getString(org.apache.pdfbox.cos.COSName.getPDFName("ActualText"));
            softHyphen = actual != null && actual.endsWith("\u00AD");
            super.beginMarkedContentSequence(tag, properties);
        }

        @Override
        protected void processTextPosition(TextPosition text) {
            super.processTextPosition(text);
            // the first glyph of the marked content carries its whole replacement text
            if (softHyphen) hyphenated.add(text);
            softHyphen = false;
        }

        /** The text of a glyph as the PDF gives it. */
        String unicode(TextPosition p) {
            return p.getUnicode() + (hyphenated.contains(p) ? "\u00AD" : "");
        }

        @Override
        protected void writeString(String text, List<TextPosition> positions) throws IOException {
            StringBuilder raw = new StringBuilder();
            for (TextPosition p : positions) raw.append(unicode(p));
            writeString(raw.toString());
        }
    }

    /** Whitespace normalised and words split at a line's end joined, so phrases can be found across line breaks. */
    static String flat(String s) {
        // FOP sets DejaVu's ligatures (ﬁ, ﬀ...); text extraction returns the ligature characters
        s = s.replace("\uFB00", "ff").replace("\uFB01", "fi").replace("\uFB02", "fl").replace("\uFB03", "ffi").replace("\uFB04", "ffl");
        // a word the layout hyphenated ends its line with a soft hyphen in the text layer (PdfTextLayer)
        return s.replaceAll("\u00AD\\s*", "").replaceAll("-\\s*\\n\\s*", "").replaceAll("[\\s\u00a0\u2002]+", " ").trim();
    }

    /** The text of a page set in the main text size: the edited text without footnotes, markers or § numbers. */
    static String mainText(PDDocument d, int fromPage, int toPage) throws IOException {
        StringBuilder main = new StringBuilder();
        PDFTextStripper s = new TextLayer() {
            @Override
            protected void writeString(String text, List<TextPosition> positions) {
                for (TextPosition p : positions) {
                    main.append(Math.abs(p.getYScale() - MAIN_TEXT_SIZE) < 0.1 ? unicode(p) : " ");
                }
                main.append(' ');
            }
        };
        s.setStartPage(fromPage);
        s.setEndPage(toPage);
        s.getText(d);
        return flat(main.toString());
    }

    static String pageText(PDDocument d, int page) throws IOException {
        PDFTextStripper s = new TextLayer();
        s.setStartPage(page);
        s.setEndPage(page);
        return flat(s.getText(d));
    }

    @Test
    void mainTextHasTheCorrectionAndNotTheSicReading() throws Exception {
        try (PDDocument d = Loader.loadPDF(pdf)) {
            String main = mainText(d, 1, 2);
            assertTrue(main.contains("would surely lead to an intensification of the Cuban crisis and a grave risk to the peace of the world"), main);
            assertFalse(main.contains("would surely lead to the peace of the world"), main);
            assertTrue(main.contains("along the lines in this letter and in your letter of October 26th"), main);
            // the sic reading appears once in the whole PDF: quoted in textual note h, never as text
            String all = flat(new TextLayer().getText(d));
            assertEquals(1, count(all, "would surely lead to the peace of the world"), all);
            assertTrue(all.contains("“would surely lead to the peace of the world”"), all);
        }
    }

    @Test
    void omissionEntryIsOnTheMarkersPageWithLemmaAndOm() throws Exception {
        try (PDDocument d = Loader.loadPDF(pdf)) {
            // the omission (the 13-word lemma "an intensification ... to") is entry h, marker after "risk to" in §4
            int marker = -1;
            int entry = -1;
            for (int p = 1; p <= d.getNumberOfPages(); p++) {
                String t = pageText(d, p);
                if (t.contains("a grave risk toh the peace")) marker = p;
                if (t.contains("h §4 an … to ] FRUS; om. DH")) entry = p;
            }
            assertTrue(marker > 0, "marker h found");
            assertEquals(marker, entry, "apparatus entry h on the page of its marker");
            // the two series are blocks: on page 2 all apparatus entries come before the commentary notes
            String p2 = pageText(d, 2);
            assertTrue(p2.contains("k p. 2 om. DH; \" FRUS") && p2.contains("d §3 'other armaments', ] FRUS".replace('\'', '\u2019')), p2);
            assertTrue(p2.indexOf("k p. 2 om. DH; \" FRUS") < p2.indexOf("6 Khrushchev's letter of 27 October"), p2);
            assertTrue(p2.indexOf("d §3 'other armaments', ] FRUS".replace('\'', '\u2019')) < p2.indexOf("k p. 2 om. DH"), p2);
        }
    }

    @Test
    void everyApparatusEntryHasItsLocation() throws Exception {
        // the model's numbering: an entry's @loc is the § of its lemma's paragraph; outside them, the marker's page
        SourceDocument doc = SourceDocument.parse(xslt.processor(), LETTER);
        XdmNode model = renderer.model(doc, View.READING, null);
        XPathCompiler xp = xslt.processor().newXPathCompiler();
        xp.declareNamespace("m", EditionSupport.MODEL_NS);
        List<String[]> entries = new ArrayList<>();
        for (var e : xp.evaluate("//m:apparatus/m:entry", model)) {
            XdmNode entry = (XdmNode) e;
            entries.add(new String[] {entry.attribute("letter"), entry.attribute("loc")});
        }
        assertEquals(11, entries.size());
        // c-i in §1, §3 and §4; a, b in the salutation and j, k in the closing and signature (unnumbered)
        assertEquals(7, entries.stream().filter(e -> e[1] != null).count());
        try (PDDocument d = Loader.loadPDF(pdf)) {
            for (String[] e : entries) {
                boolean found = false;
                for (int p = 1; p <= d.getNumberOfPages() && !found; p++) {
                    String where = e[1] != null ? "§" + e[1] : "p. " + p;
                    // the entry starts with its letter, then its place: "h §4 an … to ] FRUS; om. DH"
                    found = Pattern.compile("(^|[\\s.;])" + e[0] + " " + Pattern.quote(where) + " \\S")
                            .matcher(footnotes(d, p)).find();
                }
                assertTrue(found, "entry " + e[0] + " with " + (e[1] != null ? "§" + e[1] : "its page"));
            }
        }
    }

    /** The footnote text of a page: what is set smaller than the main text, without the markers in the text. */
    static String footnotes(PDDocument d, int page) throws IOException {
        StringBuilder notes = new StringBuilder();
        PDFTextStripper s = new TextLayer() {
            @Override
            protected void writeString(String text, List<TextPosition> positions) {
                // 8pt apparatus and 8.5pt notes; their letters and numbers are 70% of those (5.6–6pt)
                for (TextPosition p : positions) notes.append(p.getYScale() > 5 && p.getYScale() < 9 ? unicode(p) : " ");
                notes.append('\n');
            }
        };
        s.setStartPage(page);
        s.setEndPage(page);
        s.getText(d);
        return flat(notes.toString());
    }

    @Test
    void everyFootnoteEntryIsOnItsMarkersPage() throws Exception {
        // the stylesheet declares its markers (p:footnote) and FOP's id tracker gives their pages and their texts'
        SourceDocument doc = SourceDocument.parse(xslt.processor(), LETTER);
        // the print stylesheet renders the model's reading view
        net.sf.saxon.s9api.XdmNode model = renderer.model(doc, View.READING, null);
        net.sf.saxon.s9api.Xslt30Transformer t = xslt.get(Editions.PRINT.stylesheet()).load30();
        t.setGlobalContextItem(model);
        FootnotePages pages = new PdfRenderer().layOut(java.io.OutputStream.nullOutputStream(), PrintLayout.creationDate(model), e -> { },
                new PdfRenderer.DocumentFonts(), PdfRenderer.Pages.NONE, fop -> t.applyTemplates(model, new net.sf.saxon.s9api.SAXDestination(fop)));
        // 11 apparatus + 7 notes, their texts the model's entries, in one unit (the letter is one page-sequence)
        assertEquals(18, pages.markers().size(), pages.markers().toString());
        assertTrue(pages.markers().stream().allMatch(m -> m.text().matches("[an]\\d+") && m.unit().equals("1")), pages.markers().toString());
        assertEquals(java.util.Set.of("1"), pages.units());
        assertEquals(java.util.Map.of(), pages.misplaced(java.util.Map.of()), "one footnote per marker: each entry on its marker's page");
    }

    @Test
    void allFontsEmbeddedAndNoMissingGlyphs() throws Exception {
        assertEquals(List.of(), warnings.stream().filter(w -> w.contains("Glyph") || w.contains("font")).toList());
        try (PDDocument d = Loader.loadPDF(pdf)) {
            int fonts = 0;
            for (PDPage page : d.getPages()) {
                PDResources r = page.getResources();
                for (var name : r.getFontNames()) {
                    PDFont f = r.getFont(name);
                    assertTrue(f.isEmbedded(), f.getName() + " is embedded");
                    assertTrue(f.getName().contains("DejaVu"), f.getName());
                    fonts++;
                }
            }
            assertTrue(fonts > 0);
        }
    }

    @Test
    void pageCountFollowsTheLayout() throws Exception {
        try (PDDocument d = Loader.loadPDF(pdf)) {
            // Page 1: heading block, salutation, §1–§2 with the footnotes of their markers (a–c, 1–5).
            // Page 2: §3–§4 and the signature with footnotes d–k, 6–7 (they take the lower half of the page).
            // The back matter starts on a new page (break-before): witnesses and editorial principles fill
            // page 3, the registers follow on page 4. So 4 pages; the letter is pages 1–2.
            assertEquals(4, d.getNumberOfPages());
            assertTrue(pageText(d, 2).contains("John F. Kennedyk"), "signature on page 2");
            assertTrue(pageText(d, 3).startsWith("John F. Kennedy to Nikita S. Khrushchev, 27 October 1962 3 Witnesses"));
            assertTrue(pageText(d, 4).contains("Registers"));
        }
    }

    @Test
    void twoBuildsAreByteIdentical() throws Exception {
        assertArrayEquals(pdf, render(LETTER, new ArrayList<>()));
    }

    @Test
    void aMissingGlyphIsReportedOnceAtItsPlaceInTheSource(@TempDir Path dir) throws Exception {
        // the layout rounds share their fonts and a font warns of a glyph only once: the kept round still reports it
        Path cjk = dir.resolve("cjk.xml");
        String letter = Files.readString(Path.of("src/test/resources/fixtures/small-letter.xml"));
        Files.writeString(cjk, letter.replace("The garden is", "The garden \u4E2D is"));
        int line = (int) letter.substring(0, letter.indexOf("The garden is")).lines().count();
        List<String> warn = new ArrayList<>();
        render(cjk, warn);
        assertEquals(1, warn.stream().filter(w -> w.contains("Glyph")).count(), warn.toString());
        assertTrue(warn.stream().anyMatch(w -> w.matches(Pattern.quote(cjk + ":" + line + ":") + "\\d+: warning: print: "
                + Pattern.quote("Glyph \"\u4E2D\" (0x4e2d) not available in font \"DejaVuSerif\".")) ), warn.toString());
    }

    @Test
    void marginParagraphNumbersFollowTheModel() throws Exception {
        SourceDocument doc = SourceDocument.parse(xslt.processor(), LETTER);
        XPathCompiler xp = xslt.processor().newXPathCompiler();
        xp.declareNamespace("tei", "http://www.tei-c.org/ns/1.0");
        // the model numbers every p of text/body not inside a note (conventions, rule 5)
        int paragraphs = Integer.parseInt(xp.evaluateSingle("count(//tei:text//tei:body//tei:p[not(ancestor::tei:note)])",
                doc.node()).getStringValue());
        assertEquals(4, paragraphs);
        try (PDDocument d = Loader.loadPDF(pdf)) {
            String text = flat(new TextLayer().getText(d));
            // § numbers are set at the start of a line in the left margin: "§1 I have read", in order
            Matcher m = Pattern.compile("§(\\d+) [A-Z]").matcher(mainLetter(text));
            List<Integer> found = new ArrayList<>();
            while (m.find()) found.add(Integer.parseInt(m.group(1)));
            assertEquals(List.of(1, 2, 3, 4), found);
            assertTrue(text.contains("§1 I have read your letter"), text);
            assertTrue(text.contains("§4 But the first ingredient"), text);
        }
    }

    /** The letter part of the text (before the back matter). */
    static String mainLetter(String text) {
        int back = text.indexOf("Witnesses DH");
        return back < 0 ? text : text.substring(0, back);
    }

    @Test
    void bookmarksMetadataAndTagging() throws Exception {
        try (PDDocument d = Loader.loadPDF(pdf)) {
            List<String> titles = new ArrayList<>();
            for (PDOutlineItem i : d.getDocumentCatalog().getDocumentOutline().children()) titles.add(i.getTitle());
            assertEquals(List.of("Letter", "Witnesses", "Editorial principles", "Registers"), titles);
            var info = d.getDocumentInformation();
            assertEquals("Letter from John F. Kennedy to Nikita S. Khrushchev, 27 October 1962", info.getTitle());
            assertEquals("John F. Kennedy", info.getAuthor());
            assertTrue(info.getSubject().startsWith("Critical edition of the letter John F. Kennedy to Nikita S. Khrushchev"), info.getSubject());
            assertEquals("en", d.getDocumentCatalog().getLanguage());
            assertNotNull(d.getDocumentCatalog().getStructureTreeRoot(), "tagged PDF");
            assertTrue(d.getDocumentCatalog().getMarkInfo().isMarked(), "MarkInfo /Marked true");
            String xmp = new String(d.getDocumentCatalog().getMetadata().toByteArray(), java.nio.charset.StandardCharsets.UTF_8);
            assertTrue(xmp.contains("<pdfaid:part>2</pdfaid:part>") && xmp.contains("<pdfaid:conformance>B</pdfaid:conformance>"), xmp);
        }
    }

    @Test
    void titleBlockKeepsNamesWholeAndNamesEditorsAndCitation() throws Exception {
        try (PDDocument d = Loader.loadPDF(pdf)) {
            TextLayer s = new TextLayer();
            s.setEndPage(1);
            List<String> lines = s.getText(d).lines().map(String::strip).toList();
            // the title is two lines, the addressee's name whole on the second
            assertEquals("Letter from John F. Kennedy to", lines.get(0));
            assertEquals("Nikita S. Khrushchev, 27 October 1962", lines.get(1));
            String head = flat(String.join("\n", lines.subList(0, 12)));
            assertTrue(head.contains("Edited by tei-edition editors; published by tei-edition project 26 November 2026."), head);
            // by the rule of the HTML citation (te:citation), with the print edition and its places
            assertTrue(head.contains("Cite as: tei-edition editors (ed.), Letter from John F. Kennedy to Nikita S. Khrushchev,"
                    + " 27 October 1962, print edition, tei-edition project, 26 November 2026, by § or page."), head);
        }
    }

    @Test
    void withABaseUrlTheCitationGivesThePdfsAddressAsTheHtmlCitationDoes() throws Exception {
        SourceDocument doc = SourceDocument.parse(xslt.processor(), LETTER);
        String base = "https://edition.example.org/letters/";
        byte[] published = renderer.render(doc, Editions.PRINT, null, false, null, base, d -> { });
        String url = base + "kennedy-to-khrushchev-1962-10-27/print.pdf";
        try (PDDocument d = Loader.loadPDF(published)) {
            // the address may break after a slash: the layer's line end there is no space of the citation
            String head = flat(pageText(d, 1).replaceAll("/\\s+", "/"));
            assertTrue(head.contains("Cite as: tei-edition editors (ed.), Letter from John F. Kennedy to Nikita S. Khrushchev,"
                    + " 27 October 1962, print edition, tei-edition project, 26 November 2026, by § or page. " + url), head);
            assertFalse(head.contains("\u200B"), "the break opportunities are not text");
        }
        // the HTML citation names the same address for its own page, by the same rule
        byte[] page = renderer.render(doc, Editions.READING, null, false, List.of(Editions.READING, Editions.PRINT), base, d -> { });
        String html = new String(page, java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(html.contains("<meta name=\"citation_pdf_url\" content=\"" + url + "\""), "citation_pdf_url");
        // without a base URL the line names no address (the default build above)
        try (PDDocument d = Loader.loadPDF(pdf)) {
            assertFalse(pageText(d, 1).contains("https://"), "no address without a base URL");
        }
    }

    @Test
    void xmpMetadataComesFromTheModel() throws Exception {
        try (PDDocument d = Loader.loadPDF(pdf)) {
            var f = javax.xml.parsers.DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            var xmp = f.newDocumentBuilder().parse(new java.io.ByteArrayInputStream(d.getDocumentCatalog().getMetadata().toByteArray()));
            // m:title; the sender (m:action[@type='sent']/m:correspondent); m:editor; m:publication/@publisher; @lang
            assertEquals(List.of("Letter from John F. Kennedy to Nikita S. Khrushchev, 27 October 1962"), dc(xmp, "title"));
            assertEquals(List.of("John F. Kennedy"), dc(xmp, "creator"));
            assertEquals(List.of("tei-edition editors"), dc(xmp, "contributor"));
            assertEquals(List.of("tei-edition project"), dc(xmp, "publisher"));
            assertEquals(List.of("en"), dc(xmp, "language"));
            assertEquals(1, dc(xmp, "description").size());
            assertTrue(dc(xmp, "description").get(0).startsWith("Critical edition of the letter John F. Kennedy to Nikita S. "
                    + "Khrushchev, 27 October 1962, with textual apparatus"), dc(xmp, "description").toString());
        }
    }

    /** The values (rdf:li) of a Dublin Core property in XMP. */
    static List<String> dc(org.w3c.dom.Document xmp, String property) {
        List<String> values = new ArrayList<>();
        var props = xmp.getElementsByTagNameNS("http://purl.org/dc/elements/1.1/", property);
        for (int i = 0; i < props.getLength(); i++) {
            var li = ((org.w3c.dom.Element) props.item(i)).getElementsByTagNameNS("http://www.w3.org/1999/02/22-rdf-syntax-ns#", "li");
            for (int j = 0; j < li.getLength(); j++) values.add(li.item(j).getTextContent());
        }
        return values;
    }

    @Test
    void everyCorpusSampleRenders() throws Exception {
        Shared.path("corpora");
        List<Path> files = Shared.xmlFiles("corpora");
        assumeTrue(!files.isEmpty(), "skipped: ../shared/corpora holds no .xml samples");
        List<String> failures = new ArrayList<>();
        for (Path f : files) {
            List<String> warn = new ArrayList<>();
            try {
                byte[] b = render(f, warn);
                try (PDDocument d = Loader.loadPDF(b)) {
                    if (d.getNumberOfPages() < 1) failures.add(f + ": no pages");
                    for (PDPage page : d.getPages()) {
                        for (var name : page.getResources().getFontNames()) {
                            if (!page.getResources().getFont(name).isEmbedded()) failures.add(f + ": font not embedded");
                        }
                    }
                }
                warn.stream().filter(w -> w.contains("Glyph")).forEach(w -> failures.add(f + ": " + w));
            } catch (Exception e) {
                failures.add(f + ": " + e);
            }
        }
        assertEquals(List.of(), failures);
    }

    @Test
    void firstPageImage() throws Exception {
        try (PDDocument d = Loader.loadPDF(pdf)) {
            var image = new PDFRenderer(d).renderImageWithDPI(0, 110);
            Path png = Path.of("target/print-page1.png");
            Files.createDirectories(png.getParent());
            ImageIO.write(image, "png", png.toFile());
            assertEquals(Math.round(210 / 25.4 * 110), image.getWidth(), 1); // A4 width at 110 dpi
        }
    }

    static int count(String s, String what) {
        int n = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) n++;
        return n;
    }
}
