package io.ysql.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;

class RequiresServerConditionTest {
    @RequiresServer(min = 14)
    private static final class FromFourteen {}

    @RequiresServer(min = 12, max = 16)
    private static final class TwelveToSixteen {}

    private static RequiresServer of(Class<?> type) {
        return type.getAnnotation(RequiresServer.class);
    }

    @Test
    void runsOnlyWithinTheRange() {
        assertThat(RequiresServerCondition.evaluate(of(FromFourteen.class), 14).isDisabled()).isFalse();
        assertThat(RequiresServerCondition.evaluate(of(FromFourteen.class), 18).isDisabled()).isFalse();
        ConditionEvaluationResult old = RequiresServerCondition.evaluate(of(FromFourteen.class), 11);
        assertThat(old.isDisabled()).isTrue();
        assertThat(old.getReason()).hasValueSatisfying(r -> assertThat(r)
                .contains("14 or later").contains("uses 11").contains("ysql.server.version"));
        assertThat(RequiresServerCondition.evaluate(of(TwelveToSixteen.class), 17).isDisabled()).isTrue();
        assertThat(RequiresServerCondition.evaluate(of(TwelveToSixteen.class), 12).isDisabled()).isFalse();
        assertThat(RequiresServerCondition.evaluate(of(TwelveToSixteen.class), 17).getReason())
                .hasValueSatisfying(r -> assertThat(r).contains("12 to 16"));
    }

    @Test
    void theVersionPropertyIsAMajorVersion() {
        String before = System.getProperty(PgBinaries.VERSION_PROPERTY);
        try {
            System.setProperty(PgBinaries.VERSION_PROPERTY, " 17 ");
            assertThat(PgBinaries.requestedVersion()).isEqualTo(17);
            System.setProperty(PgBinaries.VERSION_PROPERTY, "");
            assertThat(PgBinaries.requestedVersion()).isZero();
            System.setProperty(PgBinaries.VERSION_PROPERTY, "seventeen");
            org.assertj.core.api.Assertions.assertThatThrownBy(PgBinaries::requestedVersion)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("major version");
        } finally {
            if (before == null) System.clearProperty(PgBinaries.VERSION_PROPERTY);
            else System.setProperty(PgBinaries.VERSION_PROPERTY, before);
        }
    }
}
