package io.ysql.testkit;

import java.lang.reflect.AnnotatedElement;
import java.util.Optional;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The JUnit condition behind {@link RequiresServer}: compares the annotation's range with the
 * major version of the shared cluster, starting it if no test did yet.
 */
public final class RequiresServerCondition implements ExecutionCondition {
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        Optional<AnnotatedElement> element = context.getElement();
        Optional<RequiresServer> wanted = element.flatMap(e -> AnnotationSupport.findAnnotation(e, RequiresServer.class));
        if (wanted.isEmpty()) return ConditionEvaluationResult.enabled("no @RequiresServer");
        return evaluate(wanted.get(), PgCluster.shared().majorVersion());
    }

    static ConditionEvaluationResult evaluate(RequiresServer range, int version) {
        if (version >= range.min() && version <= range.max()) {
            return ConditionEvaluationResult.enabled("PostgreSQL " + version + " is in " + describe(range));
        }
        return ConditionEvaluationResult.disabled("needs PostgreSQL " + describe(range) + "; this run uses "
                + version + " (-D" + PgBinaries.VERSION_PROPERTY + ")");
    }

    private static String describe(RequiresServer range) {
        if (range.max() == Integer.MAX_VALUE) return range.min() + " or later";
        if (range.min() == 0) return range.max() + " or earlier";
        return range.min() + " to " + range.max();
    }
}
