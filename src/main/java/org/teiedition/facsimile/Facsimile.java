package org.teiedition.facsimile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.Stream;
import net.sf.saxon.s9api.Processor;
import net.sf.saxon.s9api.SaxonApiException;
import net.sf.saxon.s9api.XdmAtomicValue;
import net.sf.saxon.s9api.XdmItem;
import net.sf.saxon.s9api.XdmMap;
import net.sf.saxon.s9api.XdmNode;
import net.sf.saxon.s9api.XdmValue;
import net.sf.saxon.s9api.streams.Steps;
import org.teiedition.Diagnostic;
import org.teiedition.Hashes;
import org.teiedition.transform.AtomicOutput;
import org.teiedition.xml.SourceDocument;

/**
 * The images of one document's facsimile as the outputs use them: for each surface of the model's
 * {@code m:facsimile}, the image a page shows (a local file copied into {@code OUT/<document>/facsimile/}, scaled
 * when large; a remote or IIIF image, linked and never fetched), its coordinate space, and the problems found on the
 * way (a pointer to nothing, an image that cannot be read, a zone outside its surface), each located in the source.
 * Made once per document ({@link SourceDocument#derived}) and shared by the editions that show the images.
 */
public final class Facsimile {
    static final String M = "https://teiedition.org/ns/model";
    /** The folder of the copied images, inside the document's output folder. */
    public static final String FOLDER = "facsimile";
    /** Unreadable images reported one by one per document; the rest are counted. */
    static final int MISSING_REPORTED = 5;

    /**
     * One surface: {@code src} the image's URL as a page names it (relative to the document's output folder for a
     * copied file, absolute for a remote one; empty when there is none), {@code width}/{@code height} its coordinate
     * space (0 when unknown), {@code service} a IIIF Image API service, {@code link} a IIIF manifest or canvas.
     */
    public record Surface(String id, String src, String kind, int width, int height, String service, String link,
            Path file, Images.Probe probe) {
    }

    private final SourceDocument doc;
    private final Map<String, Surface> surfaces;
    private final List<Diagnostic> problems;
    private final List<Path> localImages;
    /** Copies the PDF's plates have made, kept for {@link #write} (which takes them): an image is decoded once. */
    private final Map<String, byte[]> copies = new ConcurrentHashMap<>();

    private Facsimile(SourceDocument doc, Map<String, Surface> surfaces, List<Diagnostic> problems, List<Path> localImages) {
        this.doc = doc;
        this.surfaces = surfaces;
        this.problems = problems;
        this.localImages = localImages;
    }

    /** The facsimile of {@code doc}, made once from its {@code model} view (any view: the facsimile is the same in all). */
    public static Facsimile of(SourceDocument doc, XdmNode model, Processor processor) {
        return doc.derived(Facsimile.class, d -> read(d, model, processor));
    }

    public Map<String, Surface> surfaces() {
        return surfaces;
    }

    /**
     * Every local image file the document names, read or not (one added later changes the outputs too): with the
     * source, what the document's outputs are made from.
     */
    public List<Path> localImages() {
        return localImages;
    }

    /** Warnings about the facsimile, located in the source document. */
    public List<Diagnostic> problems() {
        return problems;
    }

    private static Facsimile read(SourceDocument doc, XdmNode model, Processor processor) {
        Locator at = new Locator(doc, processor);
        Map<String, Surface> surfaces = new LinkedHashMap<>();
        List<Diagnostic> problems = new ArrayList<>();
        Path base = doc.path() == null ? Path.of(".") : doc.path().toAbsolutePath().getParent();
        XdmNode fx = model.select(Steps.descendant(M, "facsimile")).findFirst().orElse(null);
        if (fx == null) return new Facsimile(doc, Map.of(), List.of(), List.of());
        for (XdmNode p : fx.select(Steps.child(M, "problem")).toList()) problems.add(at.warning(p.attribute("path"), p.getStringValue()));
        int missing = 0;
        Set<Path> local = new LinkedHashSet<>();
        for (XdmNode s : fx.select(Steps.child(M, "surface")).toList()) {
            List<Diagnostic> unreadable = new ArrayList<>();
            Surface chosen = image(s, base, at, unreadable, local);
            // a readable local copy wins over a remote image; the files that cannot be read are reported when the
            // surface has no image at all
            if (chosen.kind().equals("none")) {
                for (Diagnostic d : unreadable) {
                    if (++missing <= MISSING_REPORTED) problems.add(d);
                }
            }
            Surface surface = withCoordinateSpace(s, chosen);
            surfaces.put(surface.id(), surface);
            zonesOutside(s, surface, at, problems);
        }
        problems.sort(Diagnostic.ORDER);
        if (missing > MISSING_REPORTED) {
            // a volume whose page images are all elsewhere (FRUS's pb facs="0001" ...) says so once, not 342 times
            problems.add(new Diagnostic(doc.path() == null ? doc.name() : doc.path().toString(), 0, 0, Diagnostic.Severity.WARNING,
                    (missing - MISSING_REPORTED) + " more facsimile images cannot be read (the first " + MISSING_REPORTED
                            + " are reported one by one)", null, "facsimile"));
        }
        return new Facsimile(doc, Collections.unmodifiableMap(surfaces), List.copyOf(problems), List.copyOf(local));
    }

    /** The image a surface shows: the first local file that can be read, else the first remote or IIIF image. */
    private static Surface image(XdmNode s, Path base, Locator at, List<Diagnostic> unreadable, Set<Path> local) {
        String id = s.attribute("id");
        Surface chosen = null;
        String link = "";
        for (XdmNode g : s.select(Steps.child(M, "graphic")).toList()) {
            String url = g.attribute("url"), kind = g.attribute("kind");
            int w = number(g.attribute("width")), h = number(g.attribute("height"));
            switch (kind) {
                case "file" -> {
                    Path file = base.resolve(url).normalize();
                    local.add(file);
                    try {
                        Images.Probe probe = Images.probe(file);
                        if (chosen == null || chosen.file() == null) {
                            chosen = new Surface(id, FOLDER + "/" + id + "." + Images.extension(probe), "file",
                                    probe.width(), probe.height(), "", "", file, probe);
                        }
                    } catch (IOException | RuntimeException e) {
                        unreadable.add(at.warning(g.attribute("path") != null ? g.attribute("path") : s.attribute("path"),
                                "facsimile image \"" + url + "\" cannot be read: " + message(e) + " (looked for " + file + ")"));
                    }
                }
                case "url" -> { if (chosen == null) chosen = new Surface(id, url, "url", w, h, "", "", null, null); }
                case "iiif-image" -> {
                    if (chosen == null) chosen = new Surface(id, g.attribute("service") + "/full/!" + Images.MAX_SIDE + ","
                            + Images.MAX_SIDE + "/0/default.jpg", "iiif-image", w, h, g.attribute("service"), "", null, null);
                }
                default -> { if (link.isEmpty()) link = url; } // a IIIF manifest or canvas: linked, not an image
            }
        }
        if (chosen == null) return new Surface(id, "", "none", 0, 0, "", link, null, null);
        return link.isEmpty() ? chosen : new Surface(id, chosen.src(), chosen.kind(), chosen.width(), chosen.height(),
                chosen.service(), link, chosen.file(), chosen.probe());
    }

    /**
     * The surface with the space its zones are given in: its own coordinates (ulx..lrx, uly..lry), else its graphic's
     * declared size, else the image's pixels.
     */
    private static Surface withCoordinateSpace(XdmNode s, Surface image) {
        double lrx = dbl(s.attribute("lrx")), lry = dbl(s.attribute("lry"));
        int width = image.width(), height = image.height();
        if (!Double.isNaN(lrx) && !Double.isNaN(lry)) {
            width = (int) Math.round(lrx - origin(s.attribute("ulx")));
            height = (int) Math.round(lry - origin(s.attribute("uly")));
        } else if (width == 0) {
            for (XdmNode g : s.select(Steps.child(M, "graphic")).toList()) {
                if (width == 0 && number(g.attribute("width")) > 0 && number(g.attribute("height")) > 0) {
                    width = number(g.attribute("width"));
                    height = number(g.attribute("height"));
                }
            }
        }
        return new Surface(image.id(), image.src(), image.kind(), width, height, image.service(), image.link(), image.file(), image.probe());
    }

    /** A warning for each zone that does not lie inside its surface's coordinate space (when that is known). */
    private static void zonesOutside(XdmNode s, Surface surface, Locator at, List<Diagnostic> problems) {
        if (surface.width() <= 0 || surface.height() <= 0) return;
        double x0 = origin(s.attribute("ulx")), y0 = origin(s.attribute("uly"));
        double x1 = x0 + surface.width(), y1 = y0 + surface.height();
        for (XdmNode z : s.select(Steps.child(M, "zone")).toList()) {
            double zx = dbl(z.attribute("ulx")), zy = dbl(z.attribute("uly")), zr = dbl(z.attribute("lrx")), zb = dbl(z.attribute("lry"));
            if (Double.isNaN(zx)) continue;
            if (zx < x0 || zy < y0 || zr > x1 || zb > y1) {
                problems.add(at.warning(z.attribute("path"), "zone " + fmt(zx) + "," + fmt(zy) + "–" + fmt(zr) + "," + fmt(zb)
                        + " lies outside its surface (" + fmt(x0) + "," + fmt(y0) + "–" + fmt(x1) + "," + fmt(y1) + ")"));
            }
        }
    }

    private static double origin(String v) {
        double d = dbl(v);
        return Double.isNaN(d) ? 0 : d;
    }

    /**
     * The stylesheet parameter {@code facsimile-images}: surface id → map {src, kind, width, height, service, link,
     * image-width, image-height} (strings; width and height, the coordinate space, "0" when unknown; image-width and
     * image-height the size of a copied image).
     */
    public XdmMap parameter() {
        Map<XdmAtomicValue, XdmValue> map = new LinkedHashMap<>();
        for (Surface s : surfaces.values()) {
            int[] size = s.probe() == null ? new int[] {0, 0} : s.probe().outputSize();
            map.put(new XdmAtomicValue(s.id()), XdmMap.makeMap(Map.of("src", s.src(), "kind", s.kind(),
                    "width", String.valueOf(s.width()), "height", String.valueOf(s.height()), "service", s.service(), "link", s.link(),
                    "image-width", String.valueOf(size[0]), "image-height", String.valueOf(size[1]))));
        }
        return new XdmMap(map);
    }

    /**
     * The print edition's plates (stylesheet parameter {@code facsimile-plates}): surface id → the copy of its local
     * image as a data: URI, for each surface that has one that can be read.
     */
    public XdmMap plates() {
        Map<XdmAtomicValue, XdmValue> map = new LinkedHashMap<>();
        for (Surface s : surfaces.values()) {
            if (s.file() == null) continue;
            try {
                String type = s.src().endsWith(".png") ? "image/png" : "image/jpeg";
                map.put(new XdmAtomicValue(s.id()), new XdmAtomicValue("data:" + type + ";base64,"
                        + Base64.getEncoder().encodeToString(copies.computeIfAbsent(s.id(), id -> outputCopy(s)))));
            } catch (RuntimeException e) {
                // reported when the images are written
            }
        }
        return new XdmMap(map);
    }

    /**
     * Writes the copies of the local images into {@code dir}/facsimile/ (atomically, each file) and removes the copies
     * of surfaces the document no longer has; returns the files written, each with its SHA-256 (hex). An image that
     * cannot be decoded is a warning, and the other images are still written.
     */
    public Map<Path, String> write(Path dir, Consumer<Diagnostic> warnings) {
        Map<Path, String> written = new LinkedHashMap<>();
        for (Surface s : surfaces.values()) {
            if (s.file() == null) continue;
            Path target = dir.resolve(s.src());
            try {
                byte[] copy = copies.remove(s.id());
                if (copy == null) copy = Images.outputCopy(s.file(), s.probe());
                AtomicOutput.write(target, copy);
                written.put(target, Hashes.hex(Hashes.sha256(copy)));
            } catch (IOException | RuntimeException e) {
                warnings.accept(new Diagnostic(doc.path() == null ? doc.name() : doc.path().toString(), 0, 0,
                        Diagnostic.Severity.WARNING, "facsimile image " + s.file() + " cannot be read: " + message(e), null, "facsimile"));
            }
        }
        removeStaleCopies(dir.resolve(FOLDER), written.keySet(), warnings);
        return written;
    }

    /** The folder is this tool's: a file in it that this build did not write is the copy of a surface now gone. */
    private void removeStaleCopies(Path folder, Set<Path> written, Consumer<Diagnostic> warnings) {
        if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) return;
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : files.filter(f -> !written.contains(f) && Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)).toList()) {
                Files.deleteIfExists(f);
            }
        } catch (IOException | UncheckedIOException e) {
            warnings.accept(new Diagnostic(folder.toString(), 0, 0, Diagnostic.Severity.WARNING,
                    "cannot remove the copies of surfaces the document no longer has: " + message(e), null, "facsimile"));
        }
    }

    private static byte[] outputCopy(Surface s) {
        try {
            return Images.outputCopy(s.file(), s.probe());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String message(Throwable e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m.replaceAll("\\s+", " ").trim();
    }

    private static int number(String v) {
        if (v == null) return 0;
        try {
            return (int) Math.round(Double.parseDouble(v));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static double dbl(String v) {
        if (v == null) return Double.NaN;
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }

    /** Finds the source element a model path names, for its line and column. */
    private static final class Locator {
        private final SourceDocument doc;
        private final Processor processor;

        Locator(SourceDocument doc, Processor processor) {
            this.doc = doc;
            this.processor = processor;
        }

        Diagnostic warning(String path, String message) {
            int line = 0, column = 0;
            if (path != null && !path.isEmpty()) {
                try {
                    XdmItem hit = processor.newXPathCompiler().evaluateSingle(path, doc.node());
                    if (hit instanceof XdmNode n) {
                        line = Math.max(n.getLineNumber(), 0);
                        column = Math.max(n.getColumnNumber(), 0);
                    }
                } catch (SaxonApiException e) {
                    // the message is still reported, without a position
                }
            }
            return new Diagnostic(doc.path() == null ? doc.name() : doc.path().toString(), line, column,
                    Diagnostic.Severity.WARNING, message, null, "facsimile");
        }
    }
}
