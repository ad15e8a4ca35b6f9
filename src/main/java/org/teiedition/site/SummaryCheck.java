package org.teiedition.site;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.teiedition.xml.OutputNames;
import org.teiedition.xml.SecureXml;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Checks a summary read back from the build cache as the parser sees it (character references decoded), before any
 * of its names is used: one {@code summary} element whose id is the expected output name, and edition files that are
 * plain file names. Such names end up in paths (OUT/&lt;id&gt;/nav.js) and links.
 */
final class SummaryCheck {
    private SummaryCheck() {
    }

    /** @return why the summary cannot be used, or null if it can */
    static String problem(String expectedId, byte[] xml) {
        String[] problem = {null};
        DefaultHandler handler = new DefaultHandler() {
            private int depth;

            @Override
            public void startElement(String uri, String local, String qName, Attributes atts) {
                if (problem[0] != null) return;
                if (depth++ == 0) {
                    String id = atts.getValue("id");
                    if (!qName.equals("summary")) problem[0] = "it is not a summary (<" + qName + ">)";
                    else if (!expectedId.equals(id)) {
                        problem[0] = "its id \"" + id + "\" is not the output name \"" + expectedId + "\"";
                    }
                } else if (qName.equals("edition") && !OutputNames.isFileName(atts.getValue("file"))) {
                    problem[0] = "its edition file \"" + atts.getValue("file") + "\" is not a plain file name";
                }
            }

            @Override
            public void endElement(String uri, String local, String qName) {
                depth--;
            }
        };
        try {
            XMLReader reader = SecureXml.newReader(xml.length);
            reader.setContentHandler(handler);
            reader.parse(new InputSource(new ByteArrayInputStream(xml)));
        } catch (SAXException | IOException e) {
            return "it is not well-formed XML: " + e.getMessage();
        }
        return problem[0];
    }
}
