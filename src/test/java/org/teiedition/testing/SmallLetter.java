package org.teiedition.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The small test letter ({@code fixtures/small-letter.xml}), whose header generated documents borrow. */
public final class SmallLetter {
    public static final Path PATH = Path.of("src/test/resources/fixtures/small-letter.xml");

    private SmallLetter() {
    }

    /** Writes to {@code file} the small letter with {@code body} (a whole {@code <body>} element) for its body. */
    public static Path withBody(Path file, String body) throws IOException {
        String letter = Files.readString(PATH);
        return Files.writeString(file, letter.substring(0, letter.indexOf("<body>")) + body
                + letter.substring(letter.indexOf("</body>") + "</body>".length()));
    }
}
