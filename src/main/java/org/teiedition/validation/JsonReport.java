package org.teiedition.validation;

import java.util.List;
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
            sb.append("{\"file\": ").append(string(d.path()))
                    .append(", \"line\": ").append(d.line())
                    .append(", \"column\": ").append(d.column())
                    .append(", \"severity\": ").append(string(d.severity().label()))
                    .append(", \"message\": ").append(string(d.message()))
                    .append(", \"rule\": ").append(d.rule() == null ? "null" : string(d.rule()))
                    .append(", \"layer\": ").append(d.layer() == null ? "null" : string(d.layer()))
                    .append('}');
        }
        return sb.append(diagnostics.isEmpty() ? "]" : "\n]").toString();
    }

    static String string(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) sb.append(String.format("\\u%04x", (int) c));
                    else sb.append(c);
                }
            }
        }
        return sb.append('"').toString();
    }
}
