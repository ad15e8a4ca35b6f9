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
        StringBuilder sb = new StringBuilder(printable(path));
        if (line > 0) {
            sb.append(':').append(line);
            if (column > 0) sb.append(':').append(column);
        }
        sb.append(": ").append(severity.label()).append(": ").append(printable(message));
        if (rule != null && !rule.isEmpty()) sb.append(" [").append(rule).append(']');
        return sb.toString();
    }

    /**
     * {@code s} with control characters (C0 but tab, DEL, C1) shown as {@code <U+001B>}: a file name or a document
     * quoted in a message must not move the cursor, retitle or clear the terminal, or start a fake diagnostic line.
     */
    public static String printable(String s) {
        if (s == null) return null;
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean control = c < 0x20 && c != '\t' || c >= 0x7f && c <= 0x9f;
            if (control && out == null) out = new StringBuilder(s.length() + 16).append(s, 0, i);
            if (control) out.append(String.format("<U+%04X>", (int) c));
            else if (out != null) out.append(c);
        }
        return out == null ? s : out.toString();
    }

    @Override
    public String toString() {
        return format();
    }
}
