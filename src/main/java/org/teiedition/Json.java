package org.teiedition;

/** JSON string literals for the tool's JSON outputs (diagnostics, apparatus table): one escaping rule for all. */
public final class Json {
    private Json() {
    }

    /** {@code s} as a quoted JSON string; {@code null} as the literal null. */
    public static String quote(String s) {
        return quote(s, false);
    }

    /** The same for JSON inside JavaScript that may end up in a page: {@code <} escaped too (no {@code </script>}). */
    public static String quoteForScript(String s) {
        return quote(s, true);
    }

    private static String quote(String s, boolean script) {
        if (s == null) return "null";
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case '<' -> b.append(script ? "\\u003c" : "<");
                default -> {
                    // control characters, and the two line separators JavaScript does not accept in strings
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') b.append(String.format("\\u%04x", (int) c));
                    else b.append(c);
                }
            }
        }
        return b.append('"').toString();
    }
}
