package org.teiedition.validation;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import javax.xml.transform.sax.SAXSource;
import javax.xml.transform.stream.StreamSource;
import net.sf.saxon.lib.ResourceResolver;
import net.sf.saxon.s9api.Processor;
import net.sf.saxon.s9api.QName;
import net.sf.saxon.s9api.SaxonApiException;
import net.sf.saxon.s9api.Serializer;
import net.sf.saxon.s9api.XPathCompiler;
import net.sf.saxon.s9api.XdmDestination;
import net.sf.saxon.s9api.XdmItem;
import net.sf.saxon.s9api.XdmNode;
import net.sf.saxon.s9api.XdmNodeKind;
import net.sf.saxon.s9api.XdmValue;
import net.sf.saxon.s9api.Xslt30Transformer;
import net.sf.saxon.s9api.XsltCompiler;
import net.sf.saxon.s9api.XsltExecutable;
import org.teiedition.Diagnostic;
import org.teiedition.transform.Xslt;
import org.teiedition.xml.SecureXml;
import org.teiedition.xml.SourceDocument;
import org.xml.sax.InputSource;

/**
 * An ISO Schematron schema compiled once with SchXslt2 ({@code content/transpile.xsl} from its jar) and run on the
 * document's already-parsed tree. Each failed assert and successful report becomes a diagnostic at its context
 * node: the SVRL {@code @location} (an {@code fn:path()} XPath) is evaluated against the same tree, whose nodes carry
 * the line and column the parser reported for their start tag (the position just after its {@code >}).
 * Rule id = the assert's/report's {@code @id}; severity = {@code @role} (or {@code @flag}/{@code @severity}):
 * "warning" and "info" give a warning, anything else an error.
 */
public final class Schematron {
    public static final String LAYER = "schematron";
    static final String TRANSPILER = "content/transpile.xsl";
    private static final String SVRL = "http://purl.oclc.org/dsdl/svrl";

    private final URI uri;
    private final Processor processor;
    private final XsltExecutable executable;
    private final XPathCompiler svrlPaths;

    private Schematron(URI uri, Processor processor, XsltExecutable executable) {
        this.uri = uri;
        this.processor = processor;
        this.executable = executable;
        this.svrlPaths = processor.newXPathCompiler();
        svrlPaths.declareNamespace("svrl", SVRL);
    }

    public static boolean handles(String name) {
        return name.toLowerCase(Locale.ROOT).endsWith(".sch");
    }

    public URI uri() {
        return uri;
    }

    /**
     * Transpiles and compiles; the transpiler itself is compiled once per {@link Xslt} (its cache). The project's own
     * schema was transpiled when the jar was built ({@link Precompile}): compiling SchXslt2's transpiler alone takes
     * most of a second, which a one-letter build should not pay.
     */
    public static Schematron compile(Xslt xslt, URI uri) throws SchemaException {
        return compile(xslt, uri, SchemaResources.of(uri));
    }

    /** As {@link #compile(Xslt, URI)}, its includes read through {@code resources}. */
    static Schematron compile(Xslt xslt, URI uri, SchemaResources resources) throws SchemaException {
        Processor processor = xslt.processor();
        AtomicReference<String> firstError = new AtomicReference<>();
        try {
            URL precompiled = uri.getScheme().equals("file") ? null : new URL(uri + PRECOMPILED);
            if (precompiled != null && exists(precompiled)) {
                try (InputStream in = precompiled.openStream()) {
                    return new Schematron(uri, processor, processor.newXsltCompiler().compile(
                            new StreamSource(in, precompiled.toExternalForm())));
                }
            }
            // A schema from outside the jar is untrusted: its includes obey SchemaResources, its rules run sandboxed.
            XdmNode stylesheet = transpile(xslt, uri, resources.saxon());
            XsltCompiler compiler = RuleSandbox.of(processor).newXsltCompiler();
            compiler.setErrorReporter(error -> {
                if (error.isWarning()) return;
                firstError.compareAndSet(null, error.getMessage());
            });
            return new Schematron(uri, processor, compiler.compile(stylesheet.asSource()));
        } catch (SaxonApiException | IOException | RuntimeException e) {
            String why = firstError.get() != null ? firstError.get() : e.getMessage();
            throw new SchemaException("cannot compile the Schematron schema " + uri + ": " + Grammar.clean(why), e);
        }
    }

    /** Suffix of a bundled schema's transpiled XSLT: {@code schema/tei-letter.sch.xsl}. */
    static final String PRECOMPILED = ".xsl";

    static XdmNode transpile(Xslt xslt, URI uri, ResourceResolver includes) throws SaxonApiException {
        XdmNode schema = xslt.processor().newDocumentBuilder().build(new SAXSource(
                SecureXml.newReader(), new InputSource(uri.toString())));
        Xslt30Transformer transpile = xslt.get(TRANSPILER).load30();
        transpile.setResourceResolver(includes);
        transpile.setErrorReporter(error -> { }); // the exception carries the message; no Saxon trace on stderr
        XdmDestination stylesheet = new XdmDestination();
        stylesheet.setBaseURI(uri);
        transpile.applyTemplates(schema, stylesheet);
        return stylesheet.getXdmNode();
    }

    private static boolean exists(URL url) {
        try (InputStream in = url.openStream()) {
            return in != null;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Build step (run by Maven in process-classes): transpiles {@code args[0]} (a .sch) to {@code args[0] + ".xsl"}.
     */
    public static final class Precompile {
        private Precompile() {
        }

        public static void main(String[] args) throws Exception {
            Xslt xslt = new Xslt();
            for (String sch : args) {
                Path in = Path.of(sch);
                XdmNode xsl = transpile(xslt, in.toUri(), SchemaResources.of(in.toUri()).saxon());
                Serializer out = xslt.processor().newSerializer(
                        Path.of(sch + PRECOMPILED).toFile());
                out.serializeNode(xsl);
            }
        }
    }

    public List<Diagnostic> check(SourceDocument doc) {
        String path = doc.path().toString();
        XdmNode svrl;
        List<String> messages = Collections.synchronizedList(new ArrayList<>());
        try {
            Xslt30Transformer t = executable.load30();
            // SchXslt2 reports a failing rule (say, a refused read) by xsl:message, then terminates: keep the text
            t.setMessageHandler(m -> messages.add(Grammar.clean(m.getStringValue())));
            t.setErrorReporter(error -> { }); // reported below, once, as the document's diagnostic
            t.setGlobalContextItem(doc.node());
            t.setResultDocumentHandler(href -> {
                throw new IllegalStateException(href + " is not written: Schematron rules write no files");
            });
            XdmDestination out = new XdmDestination();
            t.applyTemplates(doc.node(), out);
            svrl = out.getXdmNode();
        } catch (SaxonApiException e) {
            String why = messages.isEmpty() ? Grammar.clean(e.getMessage()) : String.join("; ", messages);
            return List.of(Diagnostic.error(path, 0, 0, "the Schematron rules could not be run: " + why,
                    "schematron", LAYER));
        }
        List<Diagnostic> found = new ArrayList<>();
        try {
            for (XdmItem item : svrlPaths.evaluate("//svrl:failed-assert | //svrl:successful-report | //svrl:error", svrl)) {
                XdmNode n = (XdmNode) item;
                String rule = attr(n, "id");
                if (rule == null) rule = n.getNodeName().getLocalName().equals("error") ? "schematron" : "schematron-unnamed";
                String level = firstNonNull(attr(n, "role"), attr(n, "flag"), attr(n, "severity"));
                Diagnostic.Severity severity = level != null
                        && (level.equalsIgnoreCase("warning") || level.equalsIgnoreCase("warn") || level.equalsIgnoreCase("info"))
                        ? Diagnostic.Severity.WARNING : Diagnostic.Severity.ERROR;
                XdmValue text = svrlPaths.evaluate("svrl:text", n);
                String message = Grammar.clean(text.size() > 0 ? text.itemAt(0).getStringValue() : n.getStringValue());
                int[] at = locate(doc.node(), attr(n, "location"));
                found.add(new Diagnostic(path, at[0], at[1], severity, message, rule, LAYER));
            }
        } catch (SaxonApiException e) {
            found.add(Diagnostic.error(path, 0, 0, "cannot read the Schematron report: " + Grammar.clean(e.getMessage()), "schematron", LAYER));
        }
        return found;
    }

    /** Line and column of the node an SVRL location path names; 0,0 when it cannot be found. */
    private int[] locate(XdmNode doc, String location) {
        if (location == null || location.isEmpty()) return new int[] {0, 0};
        try {
            XdmItem node = processor.newXPathCompiler().evaluateSingle(location, doc);
            if (node instanceof XdmNode x) {
                if (x.getNodeKind() == XdmNodeKind.ATTRIBUTE && x.getParent() != null) x = x.getParent();
                return new int[] {Math.max(x.getLineNumber(), 0), Math.max(x.getColumnNumber(), 0)};
            }
        } catch (SaxonApiException e) {
            // an unusual location expression: report without position rather than not at all
        }
        return new int[] {0, 0};
    }

    private static String attr(XdmNode n, String name) {
        return n.getAttributeValue(new QName(name));
    }

    private static String firstNonNull(String... values) {
        for (String v : values) if (v != null) return v;
        return null;
    }

}
