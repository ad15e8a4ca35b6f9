package org.teiedition;

import java.util.Comparator;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * One problem found in one file, in the form editors and their tools understand:
 * {@code path:line:col: error|warning: message [rule-id]}. Line and column are 1-based; 0 means "unknown".
 */
public record Diagnostic(String path, int line, int column, Severity severity, String message, String rule, String layer) {

    public enum Severity {
        ERROR, WARNING;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** A sink for diagnostics nobody asked for: a caller that passes it chose not to report them. */
    public static final Consumer<Diagnostic> IGNORE = d -> { };

    /** Files first, then position, so reports are stable whatever order parallel work finished in. */
    public static final Comparator<Diagnostic> ORDER = Comparator.comparing(Diagnostic::path)
            .thenComparingInt(Diagnostic::line).thenComparingInt(Diagnostic::column)
            .thenComparing(Diagnostic::message);

    public static Diagnostic error(String path, int line, int column, String message, String rule, String layer) {
        return new Diagnostic(path, line, column, Severity.ERROR, message, rule, layer);
    }

    /** A problem with no position (missing file, unreadable directory...). */
    public static Diagnostic error(String path, String message) {
        return new Diagnostic(path, 0, 0, Severity.ERROR, message, null, "input");
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    public String format() {
        StringBuilder sb = new StringBuilder(path);
        if (line > 0) {
            sb.append(':').append(line);
            if (column > 0) sb.append(':').append(column);
        }
        sb.append(": ").append(severity.label()).append(": ").append(message);
        if (rule != null && !rule.isEmpty()) sb.append(" [").append(rule).append(']');
        return sb.toString();
    }

    @Override
    public String toString() {
        return format();
    }
}
