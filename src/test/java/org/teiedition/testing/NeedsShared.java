package org.teiedition.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * A test class whose set-up ({@code @BeforeAll}) reads reference material from {@code ../shared}. Where it is
 * absent, the set-up does not run and every test of the class is reported as skipped, one by one, with the reason
 * (an assumption failing in {@code @BeforeAll} would instead drop the class's tests from the count).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(NeedsShared.Check.class)
public @interface NeedsShared {
    /** Paths below {@code ../shared} the class needs. */
    String[] value();

    final class Check implements ExecutionCondition, InvocationInterceptor {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            if (context.getTestMethod().isEmpty()) return ConditionEvaluationResult.enabled("checked per test");
            return missing(context).map(ConditionEvaluationResult::disabled)
                    .orElseGet(() -> ConditionEvaluationResult.enabled("../shared is present"));
        }

        @Override
        public void interceptBeforeAllMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> call,
                ExtensionContext context) throws Throwable {
            if (missing(context).isPresent()) invocation.skip();
            else invocation.proceed();
        }

        private static Optional<String> missing(ExtensionContext context) {
            return context.getTestClass()
                    .flatMap(c -> AnnotationSupport.findAnnotation(c, NeedsShared.class))
                    .flatMap(a -> Arrays.stream(a.value()).map(Shared::absence).flatMap(Optional::stream).findFirst());
        }
    }
}
