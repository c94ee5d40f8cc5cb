package io.ysql.internal.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class DerTest {
    @Test
    void writerAndReaderAgree() throws Exception {
        byte[] der = DerWriter.sequence(DerWriter.integer(0), DerWriter.oid("1.2.840.10045.3.1.7"),
                DerWriter.octetString(new byte[300]), DerWriter.nullValue());
        var parts = DerReader.read(der).expect(DerReader.SEQUENCE).children();
        assertThat(parts).hasSize(4);
        assertThat(parts.get(0).integer()).isEqualTo(BigInteger.ZERO);
        assertThat(parts.get(1).oid()).isEqualTo("1.2.840.10045.3.1.7");
        assertThat(parts.get(2).content()).hasSize(300);
        assertThat(parts.get(3).tag()).isEqualTo(DerReader.NULL);
    }

    @Test
    void oidEncodingMatchesX690() {
        // 1.2.840.113549 = 06 06 2a 86 48 86 f7 0d
        assertThat(DerWriter.oid("1.2.840.113549")).containsExactly(0x06, 0x06, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d);
        assertThat(DerWriter.oid("2.999.3")).containsExactly(0x06, 0x03, 0x88, 0x37, 0x03);
    }

    @Test
    void malformedInputIsRefusedWithoutHugeAllocations() {
        assertThatThrownBy(() -> DerReader.read(new byte[] {0x30, (byte) 0x83, 0x7f, (byte) 0xff, (byte) 0xff}))
                .hasMessageContaining("runs past the end");
        assertThatThrownBy(() -> DerReader.read(new byte[] {0x30, (byte) 0x80, 0x00, 0x00}))
                .hasMessageContaining("indefinite");
        assertThatThrownBy(() -> DerReader.read(new byte[] {0x30})).hasMessageContaining("truncated");
        assertThatThrownBy(() -> DerReader.read(new byte[] {0x02, 0x00, 0x02, 0x00})).hasMessageContaining("found 2");
        assertThatThrownBy(() -> DerReader.decodeOid(new byte[] {(byte) 0x86})).hasMessageContaining("truncated");
    }
}
