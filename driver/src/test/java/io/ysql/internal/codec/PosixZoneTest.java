package io.ysql.internal.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class PosixZoneTest {
    @Test
    void positiveMeansWestOfGreenwich() {
        assertThat(PosixZone.offset("+5")).isEqualTo(ZoneOffset.ofHours(-5));
        assertThat(PosixZone.offset("-5")).isEqualTo(ZoneOffset.ofHours(5));
        assertThat(PosixZone.offset("<+05:30>-05:30")).isEqualTo(ZoneOffset.ofHoursMinutes(5, 30));
        assertThat(PosixZone.offset("<-03:30>+03:30")).isEqualTo(ZoneOffset.ofHoursMinutes(-3, -30));
        assertThat(PosixZone.offset("GMT+5")).isEqualTo(ZoneOffset.ofHours(-5));
    }

    @Test
    void namedZonesAreLeftToTheJdk() {
        assertThat(PosixZone.offset("UTC")).isNull();
        assertThat(PosixZone.offset("Etc/GMT+5")).isNull();
        assertThat(PosixZone.offset("EST5EDT")).isNull();
        assertThat(PosixZone.offset("Asia/Kathmandu")).isNull();
    }

    @Test
    void theSessionZoneReadsPosixOffsets() {
        CodecContext ctx = CodecContext.of(PgTypes::byOid, n -> n.equals("TimeZone") ? "<+05:30>-05:30" : null);
        assertThat(ctx.sessionZone()).isEqualTo(ZoneOffset.ofHoursMinutes(5, 30));
        ctx = CodecContext.of(PgTypes::byOid, n -> n.equals("TimeZone") ? "Asia/Kathmandu" : null);
        assertThat(ctx.sessionZone()).isEqualTo(ZoneId.of("Asia/Kathmandu"));
    }
}
