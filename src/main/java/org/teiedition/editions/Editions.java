package org.teiedition.editions;

import java.util.List;
import java.util.Optional;

/** The registry: adding an edition is one stylesheet plus one line here. */
public final class Editions {
    private Editions() {
    }

    public static final Edition READING = new Edition("reading", "xslt/html/page.xsl", OutputKind.HTML, "reading.html", View.READING);
    public static final Edition DIPLOMATIC = new Edition("diplomatic", "xslt/html/page.xsl", OutputKind.HTML, "diplomatic.html", View.DIPLOMATIC);
    public static final Edition PRINT = new Edition("print", "xslt/fo/print.xsl", OutputKind.PDF, "print.pdf", View.READING);
    /** The witnesses side by side; only for documents with two or more witnesses. */
    public static final Edition PARALLEL = new Edition("parallel", "xslt/html/parallel.xsl", OutputKind.HTML, "parallel.html", View.WITNESSES, 2);

    /** Built by default, in this order. */
    public static final List<Edition> ALL = List.of(READING, DIPLOMATIC, PRINT, PARALLEL);

    public static Optional<Edition> byName(String name) {
        return ALL.stream().filter(e -> e.name().equals(name)).findFirst();
    }

    public static List<String> names() {
        return ALL.stream().map(Edition::name).toList();
    }
}
