package org.teiedition.transform;

import java.util.function.Consumer;
import net.sf.saxon.s9api.Location;
import net.sf.saxon.s9api.Message;
import net.sf.saxon.s9api.XmlProcessingError;
import net.sf.saxon.s9api.Xslt30Transformer;
import org.teiedition.Diagnostic;

/**
 * What a stylesheet says while it renders one document (Saxon's run-time warnings, a non-terminating
 * {@code xsl:message}) as warnings about that document, so that the user reads them in the build's report rather than
 * in Saxon's own format on stderr, or nowhere. The stylesheet's position is named in the message: it tells a
 * maintainer where the warning comes from, while the diagnostic's path is the document the user can act on.
 * A terminating message is not a warning: its text is kept as the reason the transformation stopped.
 */
public final class StylesheetWarnings {
    private final String path;
    private final String step;
    private final Consumer<Diagnostic> sink;
    private final StringBuilder stop = new StringBuilder();

    private StylesheetWarnings(String path, String step, Consumer<Diagnostic> sink) {
        this.path = path;
        this.step = step;
        this.sink = sink;
    }

    /**
     * Routes {@code t}'s warnings and messages to {@code sink} as warnings about the document at {@code path};
     * {@code step} names what was being made ("reading", "model", "summary").
     */
    public static StylesheetWarnings attach(Xslt30Transformer t, String path, String step, Consumer<Diagnostic> sink) {
        StylesheetWarnings w = new StylesheetWarnings(path, step, sink);
        t.setErrorReporter(w::report);
        t.setMessageHandler(w::message);
        return w;
    }

    /** The text of the terminating messages, empty if none stopped the stylesheet. */
    public String stopMessage() {
        synchronized (stop) {
            return stop.toString().trim();
        }
    }

    private void report(XmlProcessingError error) {
        // errors end the transformation and reach the caller as its exception; only warnings are reported here
        if (error.isWarning()) warn(error.getMessage(), error.getLocation());
    }

    private void message(Message m) {
        if (m.isTerminate()) {
            synchronized (stop) {
                stop.append(m.getStringValue().trim()).append(' ');
            }
        } else {
            warn(m.getStringValue(), m.getLocation());
        }
    }

    private void warn(String text, Location where) {
        String message = step + ": " + text.replaceAll("\\s+", " ").trim() + origin(where);
        sink.accept(new Diagnostic(path, 0, 0, Diagnostic.Severity.WARNING, message, "stylesheet", "build"));
    }

    /** " (xslt/html/page.xsl line 12)": the stylesheet's classpath name, whether it runs from the jar or from classes. */
    private static String origin(Location where) {
        if (where == null || where.getSystemId() == null) return "";
        String module = where.getSystemId();
        int jar = module.lastIndexOf("!/");
        int classes = module.lastIndexOf("classes/");
        if (jar >= 0) module = module.substring(jar + 2);
        else if (classes >= 0) module = module.substring(classes + "classes/".length());
        return " (" + module + (where.getLineNumber() > 0 ? " line " + where.getLineNumber() : "") + ")";
    }
}
