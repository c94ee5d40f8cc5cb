package io.ysql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import javax.transaction.xa.Xid;
import org.junit.jupiter.api.Test;

/** The gid encoding of transaction ids, shared with pgjdbc and psycopg2: formatId_base64(gtrid)_base64(bqual). */
class TransactionIdTest {

    @Test
    void encodesAsPgjdbcAndPsycopg2() {
        TransactionId x = TransactionId.of(42, "gtrid", "bqual");
        assertThat(x.gid()).isEqualTo("42_Z3RyaWQ=_YnF1YWw=");
        assertThat(TransactionId.fromGid(x.gid())).isEqualTo(x);
        assertThat(x.getFormatId()).isEqualTo(42);
        assertThat(new String(x.getGlobalTransactionId(), StandardCharsets.UTF_8)).isEqualTo("gtrid");
    }

    @Test
    void otherGidsStayPlain() {
        for (String gid : new String[] {"plain", "1_2", "a_Zw==_Yg==", "1_!!_Yg==", "-1_Zw==_Yg==", "1_Zw==_Yg==_x"}) {
            TransactionId t = TransactionId.fromGid(gid);
            assertThat(t.formatId()).as(gid).isNull();
            assertThat(t.gtrid()).isEqualTo(gid);
            assertThat(t.gid()).isEqualTo(gid);
            assertThat(t.getFormatId()).isEqualTo(-1);
        }
    }

    @Test
    void binaryXidsDecodeForXaButStayPlainForTheCursorApi() {
        Xid raw = new Xid() {
            public int getFormatId() { return 1; }
            public byte[] getGlobalTransactionId() { return new byte[] {(byte) 0xff, 0}; }
            public byte[] getBranchQualifier() { return new byte[] {1}; }
        };
        String gid = TransactionId.gid(raw);
        assertThat(TransactionId.same(TransactionId.decode(gid), raw)).isTrue();
        assertThat(TransactionId.fromGid(gid).formatId()).isNull();
    }

    @Test
    void refusesBadParts() {
        assertThatThrownBy(() -> TransactionId.of(-1, "g", "b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TransactionId.of(1, "g".repeat(65), "b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TransactionId.of(1, "g", null)).isInstanceOf(IllegalArgumentException.class);
    }
}
