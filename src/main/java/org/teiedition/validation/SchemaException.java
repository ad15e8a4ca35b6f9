package org.teiedition.validation;

/** A schema that cannot be read or compiled: a usage problem, not a problem of the document being validated. */
public final class SchemaException extends Exception {
    public SchemaException(String message, Throwable cause) {
        super(message, cause);
    }

    public SchemaException(String message) {
        super(message);
    }
}
