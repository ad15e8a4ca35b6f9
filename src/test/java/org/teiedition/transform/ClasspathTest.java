package org.teiedition.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Exactly one Saxon and one Xerces on the (test) classpath; the build's enforcer rules keep it so, this test shows
 * it at run time: XML libraries like to bring their own old copies along.
 */
class ClasspathTest {
    static List<URL> copiesOf(String classFile) throws Exception {
        return Collections.list(ClasspathTest.class.getClassLoader().getResources(classFile));
    }

    @Test
    void oneSaxonAndItIsTwelve() throws Exception {
        assertEquals(1, copiesOf("net/sf/saxon/Version.class").size(), copiesOf("net/sf/saxon/Version.class").toString());
        assertTrue(net.sf.saxon.Version.getProductVersion().startsWith("12."), net.sf.saxon.Version.getProductVersion());
    }

    @Test
    void oneXercesAndNoXmlApisJar() throws Exception {
        assertEquals(1, copiesOf("org/apache/xerces/parsers/SAXParser.class").size());
        // xml-apis would shadow the JDK's javax.xml with 2009 copies
        assertEquals(0, copiesOf("org/apache/xmlcommons/Version.class").size(), copiesOf("org/apache/xmlcommons/Version.class").toString());
    }
}
