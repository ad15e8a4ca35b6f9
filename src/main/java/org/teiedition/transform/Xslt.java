package org.teiedition.transform;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.xml.transform.stream.StreamSource;
import net.sf.saxon.lib.DirectResourceResolver;
import net.sf.saxon.lib.Feature;
import net.sf.saxon.s9api.Processor;
import net.sf.saxon.s9api.SaxonApiException;
import net.sf.saxon.s9api.XsltCompiler;
import net.sf.saxon.s9api.XsltExecutable;
import org.teiedition.OnceMap;
import org.teiedition.Trace;

/**
 * The process's one Saxon {@link Processor} and its compiled stylesheets. Each stylesheet is compiled the first time
 * it is asked for and the {@link XsltExecutable} is reused for every document and thread afterwards.
 * Stylesheets are classpath resources (the top-level {@code xslt/} folder is packaged into the jar), so relative
 * {@code xsl:import}s and {@code unparsed-text()} calls resolve inside the jar too.
 */
public final class Xslt {
    private final Processor processor;
    private final OnceMap<String, XsltExecutable> compiled = new OnceMap<>();
    private final Map<String, AtomicInteger> compilations = new ConcurrentHashMap<>();

    public Xslt() {
        processor = new Processor(false);
        // Plain URI resolution: we use no catalog, and Saxon's default resolver would load the XML Resolver's
        // catalogs before the first xsl:import resolves.
        processor.getUnderlyingConfiguration().setResourceResolver(
                new DirectResourceResolver(processor.getUnderlyingConfiguration()));
        // Stylesheets may read their own assets (file: or jar:), never anything on the network. Set after the
        // resolver: the restriction wraps the resolver in place when the property is set.
        processor.setConfigurationProperty(Feature.ALLOWED_PROTOCOLS, "file,jar");
    }

    public Processor processor() {
        return processor;
    }

    /** The compiled stylesheet for a classpath resource such as {@code xslt/html/page.xsl}. */
    public XsltExecutable get(String resource) {
        return compiled.get(resource, this::compile);
    }

    /** How often a stylesheet was compiled in this process: 1 after any number of documents, or 0. */
    public int compilations(String resource) {
        AtomicInteger n = compilations.get(resource);
        return n == null ? 0 : n.get();
    }

    private XsltExecutable compile(String resource) {
        URL url = resource(resource);
        compilations.computeIfAbsent(resource, r -> new AtomicInteger()).incrementAndGet();
        Trace.at("compile " + resource);
        XsltCompiler compiler = processor.newXsltCompiler();
        try (InputStream in = url.openStream()) {
            XsltExecutable compiledStylesheet = compiler.compile(new StreamSource(in, url.toExternalForm()));
            Trace.at("compiled " + resource);
            return compiledStylesheet;
        } catch (SaxonApiException | IOException e) {
            throw new IllegalStateException("cannot compile stylesheet " + resource + ": " + e.getMessage(), e);
        }
    }

    public static URL resource(String resource) {
        URL url = Xslt.class.getClassLoader().getResource(resource);
        if (url == null) throw new IllegalStateException("missing resource " + resource + " (is the jar complete?)");
        return url;
    }
}
