package org.teiedition.validation;

import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import net.sf.saxon.Configuration;
import net.sf.saxon.lib.EnvironmentVariableResolver;
import net.sf.saxon.lib.Feature;
import net.sf.saxon.s9api.Processor;
import net.sf.saxon.trans.XPathException;

/**
 * Where the rules of a Schematron schema from outside the jar run: a Saxon configuration of their own in which every
 * function that reads something ({@code doc}, {@code document}, {@code unparsed-text}, {@code collection},
 * {@code json-doc}, {@code transform}, {@code xsl:include} ...) is refused and no environment variable exists, so
 * a rule sees the document being checked and nothing else. It shares the name pool and document numbers of the
 * toolkit's configuration, which makes the two compatible: the rules run on the tree the document was parsed into.
 */
final class RuleSandbox {
    private static final Map<Configuration, Processor> SANDBOXES = new WeakHashMap<>();

    private RuleSandbox() {
    }

    static synchronized Processor of(Processor trusted) {
        return SANDBOXES.computeIfAbsent(trusted.getUnderlyingConfiguration(), RuleSandbox::make);
    }

    private static Processor make(Configuration trusted) {
        Configuration c = new Configuration();
        c.setNamePool(trusted.getNamePool());
        c.setDocumentNumberAllocator(trusted.getDocumentNumberAllocator());
        c.setResourceResolver(request -> {
            throw refused(request.uri != null ? request.uri : request.relativeUri);
        });
        c.setUnparsedTextURIResolver((uri, encoding, config) -> {
            throw refused(String.valueOf(uri));
        });
        c.setCollectionFinder((context, uri) -> {
            throw refused(uri == null ? "the default collection" : uri);
        });
        c.setConfigurationProperty(Feature.ENVIRONMENT_VARIABLE_RESOLVER, new EnvironmentVariableResolver() {
            @Override
            public Set<String> getAvailableEnvironmentVariables() {
                return Set.of();
            }

            @Override
            public String getEnvironmentVariable(String name) {
                return null;
            }
        });
        // Set after the resolvers (the restriction wraps them in place): a second lock on the same door.
        c.setConfigurationProperty(Feature.ALLOWED_PROTOCOLS, "");
        return new Processor(c);
    }

    static XPathException refused(String uri) {
        return new XPathException(uri + " is not read: Schematron rules may read only the document being checked");
    }
}
