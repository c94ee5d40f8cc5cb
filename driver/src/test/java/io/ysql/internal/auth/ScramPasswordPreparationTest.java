package io.ysql.internal.auth;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The password bytes SCRAM hashes: SASLprep when it succeeds, the raw bytes otherwise. The
 * expected proofs were computed independently with Python's hashlib (pbkdf2_hmac, hmac) over the
 * raw bytes named in each test, user name empty, nonce {@value #NONCE}.
 */
class ScramPasswordPreparationTest {
    private static final String NONCE = "fyko+d2lbbFgONRv9qkxd";
    private static final String SERVER_NONCE = "fyko+d2lbbFgONRv9qkxdawLHo+Vgk7";
    private static final String SERVER_FIRST = "r=" + SERVER_NONCE + ",s=QSXCR+Q6sek8bf92,i=4096";

    private static String clientFinal(byte[] password) throws AuthenticationFailure {
        ScramSha256Client scram = new ScramSha256Client(password, ChannelBinding.none(), () -> NONCE);
        scram.clientFirstMessage();
        return new String(scram.handleServerFirst(SERVER_FIRST.getBytes(UTF_8)), UTF_8);
    }

    private static String withProof(String proof) {
        return "c=biws,r=" + SERVER_NONCE + ",p=" + proof;
    }

    @Test
    void passwordIsPreparedWithSaslPrep() throws Exception {
        // Python over b"penIXcil"; U+2168 ROMAN NUMERAL NINE normalizes to "IX".
        String expected = withProof("uehKVYgyt7CFoVYO/bBgJpCtAGvPx0JuyzR+TSmowM0=");
        assertThat(clientFinal("penIXcil".getBytes(UTF_8))).isEqualTo(expected);
        assertThat(clientFinal("pen\u2168cil".getBytes(UTF_8))).isEqualTo(expected);
        assertThat(clientFinal("pen\u00ADIXcil".getBytes(UTF_8))).isEqualTo(expected);
    }

    @Test
    void passwordRefusedBySaslPrepIsUsedRaw() throws Exception {
        // Python over b"\xd8\xa71" (U+0627 U+0031, which breaks the bidi rule).
        assertThat(clientFinal("\u0627\u0031".getBytes(UTF_8)))
                .isEqualTo(withProof("Q08jC9oE/HSqPuPi6+uI9AEh3qKstn6oN5o5WmDtCbc="));
        // Python over b"\x07pencil" (a prohibited control character).
        assertThat(clientFinal("\u0007pencil".getBytes(UTF_8)))
                .isEqualTo(withProof("swZoDCIL2uM42m4WncKOwFsL8VmXfZZR971IJ1agMyc="));
    }

    @Test
    void passwordThatIsNotUtf8IsUsedRaw() throws Exception {
        // Python over b"\xc3\x28".
        assertThat(clientFinal(new byte[] {(byte) 0xC3, 0x28}))
                .isEqualTo(withProof("BcoaFvdXxw+v/YfQsbEFzJ6gjsKZYxOeuCqJ4Bvv4/8="));
    }

    @Test
    void emptyPasswordIsHashedAsAnEmptyKey() throws Exception {
        // Python over b"".
        assertThat(clientFinal(new byte[0])).isEqualTo(withProof("SY4lI/gFrlaqsmxyo7BkzIh49byqO1J3AamJtTVZtQ0="));
    }

    @Test
    void callerPasswordArrayIsNotModified() throws Exception {
        byte[] password = "pencil".getBytes(UTF_8);
        clientFinal(password);
        assertThat(password).isEqualTo("pencil".getBytes(UTF_8));
    }
}
