package org.teiedition.testing;

import java.io.PrintStream;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;

/**
 * Prints why a test or class was skipped (disabled, or an assumption such as "../shared is absent" or "no
 * Chromium"), one line each, on the console of {@code mvn verify}: Surefire counts skips but never says why.
 * Registered for every test run through {@code META-INF/services}.
 */
public final class SkipReasons implements TestExecutionListener {
    private final PrintStream out = System.out;

    @Override
    public void executionSkipped(TestIdentifier test, String reason) {
        print(test, reason);
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        if (result.getStatus() == TestExecutionResult.Status.ABORTED) {
            print(test, result.getThrowable().map(t -> String.valueOf(t.getMessage())).orElse("aborted"));
        }
    }

    private void print(TestIdentifier test, String reason) {
        String name = test.getLegacyReportingName();
        String where = test.getParentId().isPresent() ? test.getUniqueId().replaceAll(".*\\[class:([^\\]]*)\\].*", "$1") : "";
        String cls = where.substring(where.lastIndexOf('.') + 1);
        String label = test.isContainer() && name.equals(where) ? cls : cls.isEmpty() ? name : cls + "." + name;
        out.println("[SKIPPED] " + label + ": " + reason.replaceFirst("^Assumption failed: ", "").replaceFirst("^skipped: ", ""));
    }
}
