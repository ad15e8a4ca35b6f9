package org.teiedition.validation;

import java.util.List;
import org.teiedition.Json;
import org.teiedition.Diagnostic;

/**
 * Diagnostics as one JSON array with stable field names: file, line, column, severity, message, rule, layer.
 * Hand-written (no JSON library in the toolkit); strings are escaped per RFC 8259.
 */
public final class JsonReport {
    private JsonReport() {
    }

    public static String format(List<Diagnostic> diagnostics) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < diagnostics.size(); i++) {
            Diagnostic d = diagnostics.get(i);
            sb.append(i == 0 ? "\n  " : ",\n  ");
            sb.append("{\"file\": ").append(Json.quote(d.path()))
                    .append(", \"line\": ").append(d.line())
                    .append(", \"column\": ").append(d.column())
                    .append(", \"severity\": ").append(Json.quote(d.severity().label()))
                    .append(", \"message\": ").append(Json.quote(d.message()))
                    .append(", \"rule\": ").append(d.rule() == null ? "null" : Json.quote(d.rule()))
                    .append(", \"layer\": ").append(d.layer() == null ? "null" : Json.quote(d.layer()))
                    .append('}');
        }
        return sb.append(diagnostics.isEmpty() ? "]" : "\n]").toString();
    }
}
