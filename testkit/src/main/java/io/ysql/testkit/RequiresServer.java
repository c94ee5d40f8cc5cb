package io.ysql.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test class or method only against the server versions that have what it needs, e.g.
 * {@code @RequiresServer(min = 14)} for {@code idle_session_timeout}. The version is that of
 * {@link PgCluster#shared()}, so {@code -Dysql.server.version=11} decides it for a whole suite;
 * on other versions the test is reported as skipped, with the reason. A server that cannot be
 * started fails the test: this condition never hides a missing server.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@ExtendWith(RequiresServerCondition.class)
public @interface RequiresServer {
    /** The lowest major version that can run the test. */
    int min() default 0;

    /** The highest major version that can run the test. */
    int max() default Integer.MAX_VALUE;
}
