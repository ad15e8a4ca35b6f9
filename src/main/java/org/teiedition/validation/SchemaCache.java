package org.teiedition.validation;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.teiedition.OnceMap;
import org.teiedition.Trace;
import org.teiedition.transform.Xslt;

/**
 * The schemas of one run, each compiled the first time a document needs it and shared by every document and thread
 * afterwards. A schema that fails to compile is remembered too, so its error is reported once per document and not
 * recompiled. {@link #compilations} lets tests prove "compiled once".
 */
public final class SchemaCache {
    private final Xslt xslt;
    private final OnceMap<URI, Compiled> compiled = new OnceMap<>();
    private final Map<URI, AtomicInteger> counts = new ConcurrentHashMap<>();

    public SchemaCache(Xslt xslt) {
        this.xslt = xslt;
    }

    /**
     * A compiled grammar or Schematron schema, or the reason it could not be compiled; {@code files}: the files it
     * was read from with their SHA-256 when read (none for a bundled schema).
     */
    public record Compiled(Grammar grammar, Schematron schematron, SchemaException failure, Map<Path, String> files) {
    }

    public Compiled get(URI uri) {
        return compiled.get(uri, this::compile);
    }

    /** Like {@link #get} but throws when the schema cannot be compiled (for schemas named on the command line). */
    public Compiled require(URI uri) throws SchemaException {
        Compiled c = get(uri);
        if (c.failure() != null) throw c.failure();
        return c;
    }

    public int compilations(URI uri) {
        AtomicInteger n = counts.get(uri);
        return n == null ? 0 : n.get();
    }

    public Xslt xslt() {
        return xslt;
    }

    private Compiled compile(URI uri) {
        Trace.at("compile " + uri);
        Compiled c = compileNow(uri);
        Trace.at("compiled " + uri);
        return c;
    }

    private Compiled compileNow(URI uri) {
        counts.computeIfAbsent(uri, u -> new AtomicInteger()).incrementAndGet();
        String name = uri.getPath() != null ? uri.getPath() : uri.toString();
        if (uri.getScheme() != null && uri.getScheme().equals("jar")) name = uri.toString();
        SchemaResources resources = SchemaResources.of(uri);
        try {
            if (Schematron.handles(name)) return new Compiled(null, Schematron.compile(xslt, uri, resources), null, resources.files());
            if (Grammar.handles(name)) return new Compiled(Grammar.compile(uri, resources), null, null, resources.files());
            return new Compiled(null, null, new SchemaException(uri + ": unknown schema type (expected .rng, .rnc, .xsd or .sch)"),
                    resources.files());
        } catch (SchemaException e) {
            return new Compiled(null, null, e, resources.files());
        }
    }
}
