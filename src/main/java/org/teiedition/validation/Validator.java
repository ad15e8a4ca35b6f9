package org.teiedition.validation;

import java.util.List;
import org.teiedition.Diagnostic;
import org.teiedition.xml.SourceDocument;

/** Checks one parsed document. Implementations compile their schemas once and are safe to share across threads. */
public interface Validator {
    List<Diagnostic> validate(SourceDocument doc);
}
