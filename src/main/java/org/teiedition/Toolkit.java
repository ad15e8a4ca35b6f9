package org.teiedition;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.teiedition.editions.EditionRenderer;
import org.teiedition.transform.Xslt;
import org.teiedition.validation.TeiRootCheck;
import org.teiedition.validation.Validator;
import org.teiedition.xml.SourceDocument;
import org.teiedition.xml.XmlInputException;

/**
 * What one process shares: the Saxon processor with its compiled stylesheets, the edition renderer (and through
 * it the FOP factory) and the validators. Made once per command run; everything in it is thread-safe.
 */
public final class Toolkit {
    private final Xslt xslt = new Xslt();
    private final EditionRenderer renderer = new EditionRenderer(xslt);
    private final List<Validator> validators;

    public Toolkit() {
        this(List.of());
    }

    /** @param extraValidators run after the TEI root check, in order (schema layers, Schematron) */
    public Toolkit(List<Supplier<Validator>> extraValidators) {
        List<Validator> v = new ArrayList<>();
        v.add(new TeiRootCheck());
        extraValidators.forEach(s -> v.add(s.get()));
        this.validators = List.copyOf(v);
    }

    public Xslt xslt() {
        return xslt;
    }

    public EditionRenderer renderer() {
        return renderer;
    }

    public SourceDocument parse(java.nio.file.Path path) throws XmlInputException {
        return SourceDocument.parse(xslt.processor(), path);
    }

    /** All layers, all reported; a layer after a failed structural check still runs so editors see everything. */
    public List<Diagnostic> validate(SourceDocument doc) {
        List<Diagnostic> all = new ArrayList<>();
        for (Validator v : validators) all.addAll(v.validate(doc));
        all.sort(Diagnostic.ORDER);
        return all;
    }
}
