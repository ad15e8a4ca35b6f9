package org.teiedition.validation;

import java.util.List;
import net.sf.saxon.s9api.XdmNode;
import net.sf.saxon.s9api.XdmNodeKind;
import org.teiedition.Diagnostic;
import org.teiedition.xml.SourceDocument;

/** The least every input must be: a document whose root is TEI in the TEI namespace. */
public final class TeiRootCheck implements Validator {
    public static final String TEI_NS = "http://www.tei-c.org/ns/1.0";

    @Override
    public List<Diagnostic> validate(SourceDocument doc) {
        XdmNode root = null;
        for (XdmNode child : doc.node().children()) {
            if (child.getNodeKind() == XdmNodeKind.ELEMENT) {
                root = child;
                break;
            }
        }
        if (root == null) return List.of(Diagnostic.error(doc.path().toString(), 0, 0, "no root element", "tei-root", "structure"));
        String ns = root.getNodeName().getNamespace();
        String local = root.getNodeName().getLocalName();
        if (TEI_NS.equals(ns) && (local.equals("TEI") || local.equals("teiCorpus"))) return List.of();
        String found = ns.isEmpty() ? "<" + local + "> in no namespace" : "<" + local + "> in namespace " + ns;
        return List.of(Diagnostic.error(doc.path().toString(), root.getLineNumber(), root.getColumnNumber(),
                "not a TEI document: the root is " + found + "; expected <TEI xmlns=\"" + TEI_NS + "\">", "tei-root", "structure"));
    }
}
