package org.teiedition.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;
import org.teiedition.Toolkit;
import org.teiedition.xml.XmlInputException;

/**
 * Entity bombs are refused quickly, with a clear message, in bounded memory. The issue asks for "within a second";
 * on a shared machine the test allows 5 s and prints the measured time (the report quotes it).
 */
@Isolated // it measures the heap: no other test class may allocate meanwhile
class EntityBombTest {
    static final long MAX_HEAP_GROWTH = 256L * 1024 * 1024;

    static String billionLaughs(boolean inAttribute) {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE TEI [\n<!ENTITY lol0 \"lol\">\n");
        for (int i = 1; i <= 9; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"");
            for (int j = 0; j < 10; j++) dtd.append("&lol").append(i - 1).append(';');
            dtd.append("\">\n");
        }
        dtd.append("]>");
        return letter(dtd.toString(), inAttribute ? "<hi rend=\"&lol9;\">x</hi>" : "&lol9;");
    }

    /** One internal entity of {@code size} characters referenced {@code refs} times. */
    static String quadratic(int size, int refs, boolean inAttribute) {
        String big = "a".repeat(size);
        String uses = "&big;".repeat(refs);
        return letter("<!DOCTYPE TEI [<!ENTITY big \"" + big + "\">]>", inAttribute ? "<hi rend=\"" + uses + "\">x</hi>" : uses);
    }

    private static String letter(String doctype, String text) {
        try {
            return Hostile.letter(doctype, text);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static Stream<Arguments> bombs() {
        return Stream.of(
                Arguments.of("billion-laughs", billionLaughs(false),
                        "The parser has encountered more than \"10,000\" entity expansions in this document"),
                Arguments.of("billion-laughs-in-attribute", billionLaughs(true),
                        "The parser has encountered more than \"10,000\" entity expansions in this document"),
                // the largest entity allowed, referenced just under the expansion limit: 10 M characters
                Arguments.of("quadratic-text", quadratic(1_024, 9_990, false),
                        "characters: refusing a probable entity-expansion attack"),
                Arguments.of("quadratic-attribute", quadratic(1_024, 9_990, true),
                        "characters: refusing a probable entity-expansion attack"),
                // classic form: one large entity, many references
                Arguments.of("quadratic-large-entity", quadratic(100_000, 50_000, false),
                        "entity big has 100000 characters; tei-edition accepts internal entities of up to 1024 characters"));
    }

    static Toolkit toolkit;

    @BeforeAll
    static void warm() {
        toolkit = new Toolkit();
        try {
            toolkit.parse(Hostile.LETTER); // class loading is not part of the measured time
        } catch (XmlInputException e) {
            throw new AssertionError(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bombs")
    void refusedQuicklyInBoundedMemory(String name, String doc, String message, @TempDir Path dir) throws Exception {
        Path file = dir.resolve(name + ".xml");
        Files.writeString(file, doc);
        System.gc();
        long before = heapUsed();
        resetPeaks();
        long start = System.nanoTime();
        XmlInputException e = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> org.junit.jupiter.api.Assertions.assertThrows(XmlInputException.class, () -> toolkit.parse(file)));
        double seconds = (System.nanoTime() - start) / 1e9;
        long growth = heapPeak() - before;
        System.out.printf("entity bomb %-28s %7d bytes: refused in %.3f s, heap peak growth %d MB: %s%n",
                name, Files.size(file), seconds, growth >> 20, e.diagnostic().format());
        assertTrue(e.diagnostic().message().contains(message), e.diagnostic().format());
        assertTrue(e.diagnostic().line() > 0, "located: " + e.diagnostic().format());
        assertTrue(growth < MAX_HEAP_GROWTH, "heap grew by " + (growth >> 20) + " MB");

        // the same through the command: one error line, exit 1, no output
        Hostile.Run r = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> Hostile.run("build", "-o", dir.resolve("out").toString(), file.toString()));
        assertEquals(1, r.code(), r.all());
        assertTrue(r.err().startsWith(e.diagnostic().format() + "\n"), r.err());
        assertTrue(Files.notExists(dir.resolve("out").resolve(name)));
    }

    private static long heapUsed() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) if (p.getType() == MemoryType.HEAP) p.resetPeakUsage();
    }

    /** Sum of the heap pools' peaks since the reset: an upper bound of the peak heap use. */
    private static long heapPeak() {
        long sum = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP && p.getPeakUsage() != null) sum += p.getPeakUsage().getUsed();
        }
        return sum;
    }
}
