package org.teiedition.xml;

import org.teiedition.Diagnostic;

/** A file that could not be read as XML; carries the located diagnostic to report. */
public final class XmlInputException extends Exception {
    private final transient Diagnostic diagnostic;

    public XmlInputException(Diagnostic diagnostic) {
        super(diagnostic.format());
        this.diagnostic = diagnostic;
    }

    public Diagnostic diagnostic() {
        return diagnostic;
    }
}
