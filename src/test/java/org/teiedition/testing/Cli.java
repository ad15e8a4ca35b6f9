package org.teiedition.testing;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.teiedition.cli.Main;

/** Runs the command line in this JVM, as a user would type it, and keeps what it printed. */
public final class Cli {
    private Cli() {
    }

    /** Exit code, stdout and stderr of one run. */
    public record Run(int code, String out, String err) {
    }

    public static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }
}
