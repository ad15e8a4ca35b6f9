package org.teiedition.editions;

import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The registry: adding an edition is one stylesheet plus one line here. The page shell of every HTML edition learns
 * from it which views of a document exist (labels, files), so a new edition is linked from every page of the
 * documents it is built for.
 */
public final class Editions {
    private Editions() {
    }

    public static final Edition READING = new Edition("reading", "Reading edition", "xslt/html/page.xsl", OutputKind.HTML,
            "reading.html", View.READING).withApparatus();
    public static final Edition DIPLOMATIC = new Edition("diplomatic", "Diplomatic edition", "xslt/html/page.xsl", OutputKind.HTML,
            "diplomatic.html", View.DIPLOMATIC);
    public static final Edition PRINT = new Edition("print", "Print edition (PDF)", "xslt/fo/print.xsl", OutputKind.PDF,
            "print.pdf", View.READING).withApparatus();
    /** The witnesses side by side; only for documents with two or more witnesses. */
    public static final Edition PARALLEL = new Edition("parallel", "Parallel witnesses", "xslt/html/parallel.xsl", OutputKind.HTML,
            "parallel.html", View.WITNESSES).forWitnesses(2);

    /** The page images beside the diplomatic text; only for documents with a facsimile or @facs. */
    public static final Edition FACSIMILE = new Edition("facsimile", "Facsimile", "xslt/html/facsimile.xsl", OutputKind.HTML,
            "facsimile.html", View.DIPLOMATIC).withFacsimile();
    /** A IIIF Presentation 3 manifest: a canvas per surface, the transcription as annotations; as FACSIMILE. */
    public static final Edition IIIF = new Edition("iiif", "IIIF manifest", "xslt/iiif/manifest.xsl", OutputKind.JSON,
            "manifest.json", View.DIPLOMATIC).withFacsimile();

    /** The editions of this tool, in the order they are built and linked; a new one is one more entry here. */
    private static final List<Edition> BUILT_IN = List.of(
            READING,
            DIPLOMATIC,
            PRINT,
            PARALLEL,
            FACSIMILE,
            IIIF);

    private static final List<Edition> REGISTERED = new CopyOnWriteArrayList<>(BUILT_IN);

    /** Built by default, in this order (a live view: {@link #register} appends). */
    public static final List<Edition> ALL = Collections.unmodifiableList(REGISTERED);

    /**
     * Registers an edition at run time (after the built-in ones), as a line above would: for an embedding
     * application or a test. A name already registered is refused.
     */
    public static synchronized void register(Edition edition) {
        if (byName(edition.name()).isPresent()) throw new IllegalArgumentException("edition '" + edition.name() + "' is already registered");
        REGISTERED.add(edition);
    }

    /** Removes an edition added with {@link #register}; the built-in ones stay. */
    public static synchronized void unregister(String name) {
        REGISTERED.removeIf(e -> e.name().equals(name) && !BUILT_IN.contains(e));
    }

    public static Optional<Edition> byName(String name) {
        return ALL.stream().filter(e -> e.name().equals(name)).findFirst();
    }

    public static List<String> names() {
        return ALL.stream().map(Edition::name).toList();
    }
}
