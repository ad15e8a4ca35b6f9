package org.teiedition.testing;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.ClassDescriptor;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;

/**
 * Starts the test classes named in the configuration parameter {@value #PARAMETER} (simple names, comma-separated,
 * longest first) before the others, which keep their default order: with classes running in parallel, a long class
 * started last would leave the other thread idle at the end.
 */
public final class SlowFirst implements ClassOrderer {
    static final String PARAMETER = "teiedition.tests.slow-first";

    @Override
    public void orderClasses(ClassOrdererContext context) {
        List<String> slow = context.getConfigurationParameter(PARAMETER)
                .map(v -> Arrays.stream(v.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList())
                .orElse(List.of());
        context.getClassDescriptors().sort(Comparator.comparingInt((ClassDescriptor c) -> {
            int i = slow.indexOf(c.getTestClass().getSimpleName());
            return i < 0 ? slow.size() : i;
        }));
    }
}
