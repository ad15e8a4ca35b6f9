package org.teiedition.validation;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import net.sf.saxon.s9api.XdmNode;
import net.sf.saxon.s9api.XdmNodeKind;
import org.teiedition.Diagnostic;
import org.teiedition.transform.Xslt;
import org.teiedition.xml.SourceDocument;

/**
 * The schema layers of validation, in order: the grammar(s) (RELAX NG or XSD), then Schematron. All are run and all
 * their problems reported, so an editor sees everything in one pass.
 * <p>
 * Which schemas: the project's ({@code schema/tei-letter.rng} + {@code schema/tei-letter.sch}, from the classpath)
 * unless others are given; with {@code useXmlModel}, those a document names in its {@code <?xml-model?>} processing
 * instructions (a document naming none falls back to the others). Thread-safe; schemas compile once per run
 * (see {@link SchemaCache}).
 */
public final class SchemaValidator implements Validator {
    public static final String PROJECT_GRAMMAR = "schema/tei-letter.rng";
    public static final String PROJECT_SCHEMATRON = "schema/tei-letter.sch";
    static final String RNG_NS = "http://relaxng.org/ns/structure/1.0";
    static final String XSD_NS = "http://www.w3.org/2001/XMLSchema";
    static final String SCH_NS = "http://purl.oclc.org/dsdl/schematron";
    private static final Pattern PSEUDO_ATTRIBUTE = Pattern.compile("([A-Za-z_][\\w.-]*)\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)')");

    private static final Pattern SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*:");

    private final SchemaCache cache;
    private final List<URI> schemas;
    private final boolean useXmlModel;

    /** What to validate against. An empty {@code schemas} list means the project's schemas. */
    public record Settings(List<URI> schemas, boolean useXmlModel) {
        public static final Settings PROJECT = new Settings(List.of(), false);

        public Settings {
            schemas = List.copyOf(schemas);
        }
    }

    public SchemaValidator(SchemaCache cache, Settings settings) {
        this.cache = cache;
        this.schemas = settings.schemas().isEmpty() ? projectSchemas() : settings.schemas();
        this.useXmlModel = settings.useXmlModel();
    }

    public SchemaValidator(Xslt xslt, Settings settings) {
        this(new SchemaCache(xslt), settings);
    }

    public SchemaCache cache() {
        return cache;
    }

    /** The schemas used for documents that do not name their own. */
    public List<URI> schemas() {
        return schemas;
    }

    /** The files a schema may be, as messages name them. */
    public static final String KINDS = "a .rng, .rnc, .xsd or .sch file";

    /** Whether a file of this name is a schema that can be compiled (a grammar or Schematron, by its extension). */
    public static boolean handles(String name) {
        return Grammar.handles(name) || Schematron.handles(name);
    }

    /**
     * What a build's cache keys validation by: {@code project} for the bundled schemas (their bytes are part of the
     * stylesheets' hash), else for each schema the files it was compiled from (it and every file it includes, named
     * relative to its folder: a build cache restored into another checkout still holds) with the SHA-256 they had
     * when read, so that an edit of any of them validates every document again. Compiles the schemas.
     */
    public String identity() {
        if (schemas.equals(projectSchemas())) return "project";
        StringBuilder b = new StringBuilder("schemas");
        for (URI uri : schemas) {
            SchemaCache.Compiled c = cache.get(uri);
            Path folder = "file".equals(uri.getScheme()) ? Path.of(uri).getParent() : null;
            b.append(' ').append(folder == null ? uri : Path.of(uri).getFileName()).append(c.failure() != null ? " unusable" : "");
            new TreeMap<>(c.files().entrySet().stream().collect(Collectors.toMap(
                    e -> folder.relativize(e.getKey()).toString().replace('\\', '/'), Map.Entry::getValue)))
                    .forEach((name, hash) -> b.append(' ').append(name).append('=').append(hash));
        }
        return b.toString();
    }

    /** Whether a file the schemas were compiled from is not as it was then (serve then compiles them again). */
    public boolean changedSinceCompiled() {
        for (URI uri : schemas) {
            for (Map.Entry<Path, String> f : cache.get(uri).files().entrySet()) {
                if (!SchemaResources.hashOf(f.getKey()).equals(f.getValue())) return true;
            }
        }
        return false;
    }

    /** Compiles the default schemas now, so that a broken one is a usage error before any document is read. */
    public void precompile() throws SchemaException {
        for (URI uri : schemas) cache.require(uri);
    }

    public static List<URI> projectSchemas() {
        return List.of(classpath(PROJECT_GRAMMAR), classpath(PROJECT_SCHEMATRON));
    }

    static URI classpath(String resource) {
        URL url = Xslt.resource(resource);
        try {
            return url.toURI();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("bad resource URL " + url, e);
        }
    }

    @Override
    public List<Diagnostic> validate(SourceDocument doc) {
        List<Diagnostic> found = new ArrayList<>();
        List<URI> chosen = schemas;
        if (useXmlModel) {
            List<URI> named = xmlModelSchemas(doc, found);
            if (!named.isEmpty() || !found.isEmpty()) chosen = named;
        }
        // Grammars first, then Schematron: the order the layers are documented in.
        List<SchemaCache.Compiled> grammars = new ArrayList<>();
        List<SchemaCache.Compiled> rules = new ArrayList<>();
        for (URI uri : chosen) {
            SchemaCache.Compiled c = cache.get(uri);
            if (c.failure() != null) {
                found.add(Diagnostic.error(doc.path().toString(), 0, 0, c.failure().getMessage(), "schema-unusable", Grammar.LAYER));
            } else if (c.grammar() != null) {
                grammars.add(c);
            } else {
                rules.add(c);
            }
        }
        for (SchemaCache.Compiled c : grammars) found.addAll(c.grammar().check(doc));
        for (SchemaCache.Compiled c : rules) found.addAll(c.schematron().check(doc));
        return found;
    }

    /** The schemas named by the document's xml-model processing instructions, resolved against the document. */
    static List<URI> xmlModelSchemas(SourceDocument doc, List<Diagnostic> problems) {
        List<URI> found = new ArrayList<>();
        for (XdmNode child : doc.node().children()) {
            if (child.getNodeKind() != XdmNodeKind.PROCESSING_INSTRUCTION) continue;
            if (!"xml-model".equals(child.getNodeName().getLocalName())) continue;
            String href = null;
            String ns = null;
            String type = null;
            Matcher m = PSEUDO_ATTRIBUTE.matcher(child.getStringValue());
            while (m.find()) {
                String value = m.group(2) != null ? m.group(2) : m.group(3);
                switch (m.group(1)) {
                    case "href" -> href = value;
                    case "schematypens" -> ns = value;
                    case "type" -> type = value;
                    default -> { }
                }
            }
            String at = doc.path().toString();
            if (href == null) {
                problems.add(Diagnostic.error(at, child.getLineNumber(), child.getColumnNumber(),
                        "xml-model processing instruction without href", "xml-model", Grammar.LAYER));
                continue;
            }
            boolean known = ns == null ? Grammar.handles(href) || Schematron.handles(href)
                    : ns.equals(RNG_NS) || ns.equals(XSD_NS) || ns.equals(SCH_NS);
            if (!known) continue; // another kind of schema (NVDL, DTD...): not ours to run
            if ("application/relax-ng-compact-syntax".equals(type) && !href.endsWith(".rnc")) {
                problems.add(Diagnostic.error(at, child.getLineNumber(), child.getColumnNumber(),
                        "xml-model names compact-syntax RELAX NG, but " + href + " does not end in .rnc", "xml-model", Grammar.LAYER));
                continue;
            }
            try {
                // With a scheme it is a URI as written (urn:x.rng has no path at all); else a path, spaces allowed.
                URI uri = SCHEME.matcher(href).lookingAt() ? new URI(href)
                        : doc.path().toAbsolutePath().toUri().resolve(new URI(null, null, href, null));
                if (!"file".equals(uri.getScheme()) || uri.isOpaque() || uri.getRawAuthority() != null) {
                    problems.add(Diagnostic.error(at, child.getLineNumber(), child.getColumnNumber(),
                            "xml-model schema " + href + " is not a local file (a relative path or a file: URI): tei-edition never"
                                    + " fetches schemas from the network",
                            "xml-model", Grammar.LAYER));
                    continue;
                }
                if (!Files.isRegularFile(Path.of(uri))) {
                    problems.add(Diagnostic.error(at, child.getLineNumber(), child.getColumnNumber(),
                            "xml-model schema " + href + " not found (looked for " + Path.of(uri) + ")",
                            "xml-model", Grammar.LAYER));
                    continue;
                }
                found.add(uri.normalize());
            } catch (URISyntaxException | IllegalArgumentException | FileSystemNotFoundException e) {
                problems.add(Diagnostic.error(at, child.getLineNumber(), child.getColumnNumber(),
                        "xml-model href " + href + " is not a valid URI", "xml-model", Grammar.LAYER));
            }
        }
        return found;
    }
}
