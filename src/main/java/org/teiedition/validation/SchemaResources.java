package org.teiedition.validation;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import javax.xml.transform.Source;
import javax.xml.transform.sax.SAXSource;
import net.sf.saxon.lib.ResourceRequest;
import net.sf.saxon.lib.ResourceResolver;
import net.sf.saxon.trans.XPathException;
import org.apache.xerces.dom.DOMInputImpl;
import org.teiedition.Hashes;
import org.teiedition.transform.Xslt;
import org.teiedition.xml.SecureXml;
import org.w3c.dom.ls.LSInput;
import org.w3c.dom.ls.LSResourceResolver;
import org.xml.sax.InputSource;

/**
 * What a schema may read. A schema is untrusted input like a document: its includes, imports and external references
 * may name files in the schema's own folder (or below it) and the schemas bundled with tei-edition, nothing else: no
 * URL, no {@code jar:} of a remote archive, no file elsewhere on the machine, never a DTD. What is read is parsed by
 * the hardened reader. One instance per top-level schema; each adapter below applies the same rule.
 */
final class SchemaResources {
    /** The folder of the bundled schemas, as a URL prefix ({@code jar:file:...!/schema/} or a file: URL in tests). */
    private static final String BUNDLED = bundledPrefix();

    private final URI schema;
    private final Path folder;
    /** Each file of this schema allowed so far (the schema itself too) and the SHA-256 of its bytes at that moment. */
    private final Map<Path, String> files = new ConcurrentSkipListMap<>();

    private SchemaResources(URI schema, Path folder) {
        this.schema = schema;
        this.folder = folder;
        if (folder != null) record(Path.of(schema).toAbsolutePath().normalize());
    }

    /**
     * The files the schema was read from, and their hashes as they were when read: what a compiled schema depends on
     * (the build cache keys validation by it; serve compares it with the files as they are now).
     */
    Map<Path, String> files() {
        return Map.copyOf(files);
    }

    /** The SHA-256 of {@code file} now ("" when it cannot be read). */
    static String hashOf(Path file) {
        try {
            return Hashes.hex(Hashes.sha256(Files.readAllBytes(file)));
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    private void record(Path file) {
        files.computeIfAbsent(file, SchemaResources::hashOf);
    }

    /** The rule for {@code schema} and everything it includes. */
    static SchemaResources of(URI schema) {
        Path folder = null;
        if ("file".equals(schema.getScheme())) {
            Path parent = Path.of(schema).toAbsolutePath().normalize().getParent();
            folder = real(parent);
        }
        return new SchemaResources(schema, folder);
    }

    /** A refused read: the message names the schema, the resource and the rule. */
    static final class Refused extends IOException {
        Refused(String message) {
            super(message);
        }
    }

    /** The absolute URI of {@code href} (relative to {@code base}) when the rule allows reading it. */
    URI allow(String href, String base) throws Refused {
        URI target;
        try {
            URI b = base == null || base.isEmpty() ? schema : new URI(base);
            target = href == null ? b : b.resolve(new URI(href.replace('\\', '/')));
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw refused(href);
        }
        if ("file".equals(target.getScheme()) && folder != null && target.getRawAuthority() == null) {
            Path p = real(Path.of(target).toAbsolutePath().normalize());
            if (p.startsWith(folder)) {
                record(Path.of(target).toAbsolutePath().normalize());
                return target;
            }
        } else if (BUNDLED != null && target.toString().startsWith(BUNDLED) && !target.toString().contains("..")) {
            return target;
        }
        throw refused(target.toString());
    }

    Refused refused(String what) {
        return new Refused("the schema " + schema + " refers to " + what + ", which is not read: a schema may include only"
                + " files in its own folder" + (folder == null ? "" : " (" + folder + ")")
                + " or bundled with tei-edition, never a URL, a DTD or a file elsewhere");
    }

    /** A DTD or external entity named inside a schema: never read. */
    Refused refusedDtd(String systemId) {
        return new Refused("the schema " + schema + " names the DTD or external entity " + systemId
                + ", which is not read: tei-edition never reads external entities or DTDs");
    }

    /** Jing's resolver: includes and externalRefs of RELAX NG (XML and compact syntax). */
    com.thaiopensource.resolver.Resolver jing() {
        return new com.thaiopensource.resolver.Resolver() {
            @Override
            public void resolve(com.thaiopensource.resolver.Identifier id, com.thaiopensource.resolver.Input input)
                    throws IOException {
                if (input.isResolved()) return;
                if (id instanceof com.thaiopensource.resolver.xml.ExternalIdentifier) throw refusedDtd(id.getUriReference());
                input.setUri(allow(id.getUriReference(), id.getBase()).toString());
            }

            @Override
            public void open(com.thaiopensource.resolver.Input input) throws IOException {
                if (input.isOpen()) return;
                URI uri = allow(input.getUri(), null);
                input.setByteStream(uri.toURL().openStream());
            }
        };
    }

    /** Xerces' resolver for xs:include, xs:import, xs:redefine; DTDs and entities are refused. */
    LSResourceResolver xsd() {
        return (type, ns, publicId, systemId, baseUri) -> {
            try {
                if (!"http://www.w3.org/2001/XMLSchema".equals(type)) throw refusedDtd(systemId);
                if (systemId == null) throw refused("the namespace " + ns + " without a schemaLocation");
                URI uri = allow(systemId, baseUri);
                var in = new DOMInputImpl();
                in.setSystemId(uri.toString());
                in.setPublicId(publicId);
                in.setBaseURI(baseUri);
                in.setByteStream(uri.toURL().openStream());
                return (LSInput) in;
            } catch (IOException e) {
                // Xerces reports an unchecked exception from the resolver with its message
                throw new IllegalArgumentException(e.getMessage(), e);
            }
        };
    }

    /** Saxon's resolver for document() while SchXslt2 transpiles a Schematron schema (sch:include, sch:extends). */
    ResourceResolver saxon() {
        return (ResourceRequest request) -> {
            try {
                URI uri = allow(request.relativeUri != null ? request.relativeUri : request.uri, request.baseUri);
                return read(uri);
            } catch (IOException e) {
                throw new XPathException(e.getMessage());
            }
        };
    }

    private static Source read(URI uri) throws IOException {
        InputStream in = uri.toURL().openStream();
        InputSource input = new InputSource(in);
        input.setSystemId(uri.toString());
        return new SAXSource(SecureXml.newReader(), input);
    }

    private static Path real(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            // not there (yet): compare the normalized path, the read then fails with "not found"
            Path parent = p.getParent();
            return parent == null || parent.equals(p) ? p : real(parent).resolve(p.getFileName());
        }
    }

    private static String bundledPrefix() {
        String grammar = Xslt.resource(SchemaValidator.PROJECT_GRAMMAR).toString();
        return grammar.substring(0, grammar.lastIndexOf('/') + 1);
    }
}
