package org.teiedition;

import java.util.ArrayList;
import java.util.List;
import java.nio.file.Path;
import org.teiedition.editions.EditionRenderer;
import org.teiedition.transform.Xslt;
import org.teiedition.validation.ApparatusLinter;
import org.teiedition.validation.SchemaValidator;
import org.teiedition.validation.TeiRootCheck;
import org.teiedition.validation.Validator;
import org.teiedition.xml.SourceDocument;
import org.teiedition.xml.XmlInputException;

/**
 * What one process shares: the Saxon processor with its compiled stylesheets, the edition renderer (and through
 * it the FOP factory) and the validators. Made once per command run (serve makes another with {@link #withSchemas}
 * when a schema changes, sharing the stylesheets); everything in it is thread-safe.
 */
public final class Toolkit {
    private final Xslt xslt;
    private final EditionRenderer renderer;
    private final List<Validator> validators;

    private final SchemaValidator schemaValidator;
    private final SchemaValidator.Settings settings;

    /** The project's validation: TEI root, schema/tei-letter.rng, schema/tei-letter.sch, the apparatus linter. */
    public Toolkit() {
        this(SchemaValidator.Settings.PROJECT);
    }

    /** Validation against the given schemas (or those the documents name, see {@link SchemaValidator}). */
    public Toolkit(SchemaValidator.Settings settings) {
        this(new Xslt(), null, settings);
    }

    private Toolkit(Xslt xslt, EditionRenderer renderer, SchemaValidator.Settings settings) {
        this.xslt = xslt;
        this.renderer = renderer != null ? renderer : new EditionRenderer(xslt);
        this.settings = settings;
        this.schemaValidator = new SchemaValidator(xslt, settings);
        this.validators = List.of(new TeiRootCheck(), schemaValidator, new ApparatusLinter());
    }

    /**
     * This toolkit's stylesheets and renderer (compiled or not yet) with validation against {@code settings}: this
     * toolkit if it validates so, else one with a validator of its own (its schemas compiled afresh).
     */
    public Toolkit withSchemas(SchemaValidator.Settings settings) {
        return settings.equals(this.settings) ? this : new Toolkit(xslt, renderer, settings);
    }

    /** The schema layers of this toolkit: its cache tells how often each schema was compiled. */
    public SchemaValidator schemaValidator() {
        return schemaValidator;
    }

    public Xslt xslt() {
        return xslt;
    }

    public EditionRenderer renderer() {
        return renderer;
    }

    public SourceDocument parse(Path path) throws XmlInputException {
        Trace.at("parse " + path);
        SourceDocument doc = SourceDocument.parse(xslt.processor(), path);
        Trace.at("parsed " + path);
        return doc;
    }

    /**
     * Validates one parsed document: the method {@code build} calls before it renders anything.
     * All layers, all reported (a non-TEI root stops after the root check). */
    public List<Diagnostic> validate(SourceDocument doc) {
        Trace.at("validate " + doc.name());
        List<Diagnostic> all = new ArrayList<>();
        for (Validator v : validators) {
            all.addAll(v.validate(doc));
            // A document that is not TEI at all is not checked further: every grammar and Schematron message would
            // only repeat that. Otherwise every layer runs, so editors see all problems in one pass.
            if (v instanceof TeiRootCheck && !all.isEmpty()) break;
        }
        all = new ArrayList<>(ApparatusLinter.withoutRepeats(all));
        all.sort(Diagnostic.ORDER);
        Trace.at("validated " + doc.name());
        return all;
    }
}
