package io.ysql.internal.codec;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.sql.SQLException;
import java.util.List;

/**
 * Coverage-guided fuzzing of the binary decoders of every type read in binary (and arrays of
 * them): any bytes a server could send for a column give a value or a {@link SQLException} with a
 * SQLSTATE, through {@code getObject}, the cursor API's {@code getModernObject} and {@code
 * getString}; never another exception, never a hang or an allocation driven by a length field.
 */
class BinaryDecoderFuzzTest {
    private static final List<PgType> BINARY = PgTypes.all().stream()
            .filter(t -> PgTypes.binaryResult(t.oid())).toList();
    private final ValueDecoder decoder = new ValueDecoder(
            CodecContext.of(PgTypes::byOid, n -> n.equals("TimeZone") ? "Europe/Berlin" : null));

    @FuzzTest(maxDuration = "12s")
    void decodeAnyBytes(FuzzedDataProvider data) {
        PgType type = data.pickValue(BINARY);
        byte[] b = data.consumeRemainingAsBytes();
        for (int getter = 0; getter < 3; getter++) {
            try {
                Object value = switch (getter) {
                    case 0 -> decoder.getObject(type.oid(), 1, b, 0, b.length);
                    case 1 -> decoder.getModernObject(type.oid(), 1, b, 0, b.length);
                    default -> decoder.getString(type.oid(), 1, b, 0, b.length);
                };
                assertThat(value).as(type.name()).isNotNull();
            } catch (SQLException e) {
                assertThat(e.getSQLState()).as(type.name()).hasSize(5);
            }
        }
    }
}
