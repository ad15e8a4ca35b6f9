package org.teiedition.editions;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import net.sf.saxon.s9api.XdmNode;
import net.sf.saxon.s9api.XdmNodeKind;
import net.sf.saxon.s9api.streams.Steps;
import org.apache.fop.events.Event;
import org.apache.fop.events.EventFormatter;
import org.teiedition.Diagnostic;
import org.teiedition.xml.SourceDocument;

/**
 * What the print edition could not set as asked, as warnings about the document's source: nothing may vanish from a
 * PDF without the user being told. A character without a glyph (FOP's warning, or the print stylesheet's message
 * for a character it replaced) is located at the first element of the TEI whose text holds it; FOP's other
 * warnings (overflow, a footnote that did not fit) concern the layout and carry no source position. Each is said
 * once.
 */
final class PrintWarnings {
    /** Where FOP says which FO it means: a position in the generated XSL-FO, meaningless to the user. */
    private static final Pattern FO_CONTEXT = Pattern.compile(
            "\\s*\\((See position [^)]*|no context info available|fo:[^)]*)\\)");
    private final SourceDocument doc;
    private final Consumer<Diagnostic> out;
    private final Set<String> said = new LinkedHashSet<>();

    PrintWarnings(SourceDocument doc, Consumer<Diagnostic> out) {
        this.doc = doc;
        this.out = out;
    }

    /** One of FOP's warnings (or errors it recovered from). */
    void fop(Event event) {
        String message = FO_CONTEXT.matcher(EventFormatter.format(event)).replaceAll("").trim();
        String ch = event.getParam("ch") instanceof Character c ? String.valueOf(c) : null;
        say(message, ch);
    }

    /** The print stylesheet's message: a character it printed as U+FFFD because no bundled font has it. */
    void replaced(String ch) {
        String code = ch.codePoints().mapToObj(c -> String.format("U+%04X", c)).reduce((a, b) -> a + " " + b).orElse("");
        say("no font has \"" + ch + "\" (" + code + "): printed as \uFFFD", ch);
    }

    /**
     * A unit (a page-sequence) whose footnote grouping did not settle, set with one footnote per marker instead: its
     * apparatus entries and commentary notes interleave at the page foot. {@code why}: how far it was from settling.
     */
    void ungrouped(String unit, int units, int firstPage, String why) {
        say("the footnotes of part " + unit + " of " + units + (firstPage > 0 ? " (from page " + firstPage + ")" : "")
                + " are set one per marker, apparatus and commentary interleaved: grouping them by page did not settle ("
                + why + "; a page's last lines move to the next page or back depending on whose entries its footnote"
                + " carries)", null);
    }

    private void say(String message, String ch) {
        if (!said.add(message)) return;
        XdmNode at = ch == null || ch.isEmpty() ? null : firstHolding(ch);
        int line = at == null ? 0 : Math.max(at.getLineNumber(), 0);
        int column = at == null ? 0 : Math.max(at.getColumnNumber(), 0);
        out.accept(new Diagnostic(doc.path() == null ? doc.name() : doc.path().toString(), line, column,
                Diagnostic.Severity.WARNING, "print: " + message, null, "print"));
    }

    /** The element whose own text first holds {@code ch}, in document order. */
    private XdmNode firstHolding(String ch) {
        return doc.node().select(Steps.descendant().where(n -> n.getNodeKind() == XdmNodeKind.TEXT
                && n.getStringValue().contains(ch))).findFirst().map(XdmNode::getParent).orElse(null);
    }
}
