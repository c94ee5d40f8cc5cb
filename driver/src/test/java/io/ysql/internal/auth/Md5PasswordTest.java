package io.ysql.internal.auth;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class Md5PasswordTest {
    private static final byte[] SALT = {1, 2, 3, 4};

    @Test
    void matchesAnIndependentComputation() throws Exception {
        MessageDigest md5 = MessageDigest.getInstance("MD5");
        String inner = HexFormat.of().formatHex(md5.digest("postgrespostgres".getBytes(UTF_8)));
        md5.update(inner.getBytes(US_ASCII));
        md5.update(SALT);
        String expected = "md5" + HexFormat.of().formatHex(md5.digest());

        byte[] encoded = Md5Password.encode("postgres", "postgres".getBytes(UTF_8), SALT);

        assertThat(new String(encoded, US_ASCII)).isEqualTo(expected);
    }

    @Test
    void matchesValuesComputedWithPython() {
        // python3: "md5" + md5(md5(b"postgres" + b"postgres").hexdigest().encode() + bytes([1,2,3,4])).hexdigest()
        assertThat(Md5Password.encode("postgres", "postgres".getBytes(UTF_8), SALT))
                .asString(US_ASCII).isEqualTo("md568be9ed08db75f318087ab337aaea044");
        // Same with password "pässword", user "jürgen" (UTF-8), salt ff 00 7f 80.
        assertThat(Md5Password.encode("j\u00fcrgen", "p\u00e4ssword".getBytes(UTF_8),
                        new byte[] {(byte) 0xFF, 0x00, 0x7F, (byte) 0x80}))
                .asString(US_ASCII).isEqualTo("md53a273fdf815672e10005ea41b17c9159");
    }

    @Test
    void hasNoTrailingNul() {
        assertThat(Md5Password.encode("u", new byte[] {'p'}, SALT)).hasSize(35).doesNotContain((byte) 0);
    }

    @Test
    void saltMustBeFourBytes() {
        assertThatThrownBy(() -> Md5Password.encode("u", new byte[] {'p'}, new byte[3]))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
