package io.ysql.internal.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class StringprepTableTest {
    @ParameterizedTest
    @EnumSource(StringprepTable.class)
    void rangesAreSortedAndDisjoint(StringprepTable table) {
        int[] ranges = table.ranges();
        assertThat(ranges.length % 2).isZero();
        assertThat(table.rangeCount()).isPositive();
        for (int i = 0; i < ranges.length; i += 2) {
            assertThat(ranges[i]).isLessThanOrEqualTo(ranges[i + 1]);
            if (i > 0) {
                assertThat(ranges[i]).isGreaterThan(ranges[i - 1] + 1);
            }
        }
    }

    @Test
    void containsSpotChecksFromRfc3454() {
        assertThat(StringprepTable.MAPPED_TO_NOTHING.contains(0x00AD)).isTrue();
        assertThat(StringprepTable.MAPPED_TO_NOTHING.contains(0xFE0F)).isTrue();
        assertThat(StringprepTable.MAPPED_TO_NOTHING.contains('a')).isFalse();
        assertThat(StringprepTable.NON_ASCII_SPACE.contains(0x3000)).isTrue();
        assertThat(StringprepTable.NON_ASCII_SPACE.contains(' ')).isFalse();
        assertThat(StringprepTable.PROHIBITED_OUTPUT.contains(0x0000)).isTrue();
        assertThat(StringprepTable.PROHIBITED_OUTPUT.contains(0x10FFFF)).isTrue();
        assertThat(StringprepTable.PROHIBITED_OUTPUT.contains(0xE0041)).isTrue();
        assertThat(StringprepTable.PROHIBITED_OUTPUT.contains('~')).isFalse();
        assertThat(StringprepTable.UNASSIGNED.contains(0x0221)).isTrue();
        assertThat(StringprepTable.UNASSIGNED.contains(0x0220)).isFalse();
        assertThat(StringprepTable.RAND_AL_CAT.contains(0x05D0)).isTrue();
        assertThat(StringprepTable.RAND_AL_CAT.contains('1')).isFalse();
        assertThat(StringprepTable.L_CAT.contains('A')).isTrue();
        assertThat(StringprepTable.L_CAT.contains('1')).isFalse();
    }
}
