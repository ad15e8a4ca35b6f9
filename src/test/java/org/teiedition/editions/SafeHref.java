package org.teiedition.editions;

import net.sf.saxon.s9api.Processor;
import net.sf.saxon.s9api.QName;
import net.sf.saxon.s9api.XdmAtomicValue;
import net.sf.saxon.s9api.XdmValue;
import net.sf.saxon.s9api.XsltCompiler;
import net.sf.saxon.s9api.XsltExecutable;
import org.teiedition.transform.Xslt;

/** Calls te:safe-href from xslt/common/functions.xsl directly. */
final class SafeHref {
    private SafeHref() {
    }

    private static final XsltExecutable FUNCTIONS;

    static {
        try {
            Processor p = EditionSupport.TOOLKIT.xslt().processor();
            XsltCompiler c = p.newXsltCompiler();
            var url = Xslt.resource("xslt/common/functions.xsl");
            try (var in = url.openStream()) {
                FUNCTIONS = c.compile(new javax.xml.transform.stream.StreamSource(in, url.toExternalForm()));
            }
        } catch (Exception e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    static String call(String url) throws Exception {
        XdmValue v = FUNCTIONS.load30().callFunction(new QName("https://teiedition.org/ns/functions", "safe-href"),
                new XdmValue[] {new XdmAtomicValue(url)});
        return v.size() == 0 ? "" : v.itemAt(0).getStringValue();
    }
}
