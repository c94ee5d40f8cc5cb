package io.ysql.internal.auth;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class ScramChannelBindingTest {
    private static final String NONCE = "rOprNGfwEbeRWgbNEkqO";
    private static final String SERVER_FIRST =
            "r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096";
    private static final byte[] HASH = {
        (byte) 0xA1, 0x02, 0x33, (byte) 0xF4, 0x05, 0x66, 0x07, (byte) 0x88, 0x09, 0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16,
        0x17, 0x18, 0x19, 0x1A, 0x1B, 0x1C, 0x1D, 0x1E, 0x1F, 0x20, 0x21, 0x22, 0x23, 0x24, 0x25, (byte) 0xFF};

    private static String[] exchange(ChannelBinding binding) throws AuthenticationFailure {
        ScramSha256Client scram = new ScramSha256Client("pencil".getBytes(UTF_8), binding, () -> NONCE);
        String first = new String(scram.clientFirstMessage(), UTF_8);
        String fin = new String(scram.handleServerFirst(SERVER_FIRST.getBytes(UTF_8)), UTF_8);
        return new String[] {scram.mechanism(), first, fin};
    }

    private static String cAttribute(String clientFinal) {
        assertThat(clientFinal).startsWith("c=");
        return clientFinal.substring(2, clientFinal.indexOf(','));
    }

    @Test
    void tlsServerEndPointBindsTheCertificateHash() throws Exception {
        String[] result = exchange(ChannelBinding.tlsServerEndPoint(HASH));
        assertThat(result[0]).isEqualTo("SCRAM-SHA-256-PLUS");
        assertThat(result[1]).isEqualTo("p=tls-server-end-point,,n=,r=" + NONCE);
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        expected.writeBytes("p=tls-server-end-point,,".getBytes(UTF_8));
        expected.writeBytes(HASH);
        assertThat(Base64.getDecoder().decode(cAttribute(result[2]))).isEqualTo(expected.toByteArray());
    }

    @Test
    void supportedButNotUsedSendsY() throws Exception {
        String[] result = exchange(ChannelBinding.notUsedButSupported());
        assertThat(result[0]).isEqualTo("SCRAM-SHA-256");
        assertThat(result[1]).isEqualTo("y,,n=,r=" + NONCE);
        assertThat(cAttribute(result[2])).isEqualTo("eSws");
    }

    @Test
    void noneSendsN() throws Exception {
        String[] result = exchange(ChannelBinding.none());
        assertThat(result[0]).isEqualTo("SCRAM-SHA-256");
        assertThat(result[1]).isEqualTo("n,,n=,r=" + NONCE);
        assertThat(cAttribute(result[2])).isEqualTo("biws");
    }

    /** Runs the whole exchange against a server that knows "pencil"; true when the client reports a bound channel. */
    private static boolean boundAfterVerifiedFinal(ChannelBinding binding) throws AuthenticationFailure {
        ScramSha256Client scram = new ScramSha256Client("pencil".getBytes(UTF_8), binding, () -> NONCE);
        String first = new String(scram.clientFirstMessage(), UTF_8);
        String fin = new String(scram.handleServerFirst(SERVER_FIRST.getBytes(UTF_8)), UTF_8);
        assertThat(scram.channelBound()).isFalse();
        String authMessage = first.substring(first.indexOf("n=")) + "," + SERVER_FIRST + ","
                + fin.substring(0, fin.indexOf(",p="));
        byte[] salted = ScramSha256Primitives.hi("pencil".getBytes(UTF_8),
                Base64.getDecoder().decode("W22ZaJ0SNY7soEsUEjb6gQ=="), 4096);
        byte[] signature = ScramSha256Primitives.hmac(ScramSha256Primitives.hmac(salted, "Server Key"),
                authMessage.getBytes(UTF_8));
        scram.verifyServerFinal(("v=" + Base64.getEncoder().encodeToString(signature)).getBytes(UTF_8));
        return scram.channelBound();
    }

    @Test
    void channelBoundOnlyWithTlsServerEndPointAndAVerifiedServerFinal() throws Exception {
        assertThat(boundAfterVerifiedFinal(ChannelBinding.tlsServerEndPoint(HASH))).isTrue();
        assertThat(boundAfterVerifiedFinal(ChannelBinding.notUsedButSupported())).isFalse();
        assertThat(boundAfterVerifiedFinal(ChannelBinding.none())).isFalse();
    }

    @Test
    void aServerFinalThatDoesNotVerifyLeavesTheChannelUnbound() throws Exception {
        ScramSha256Client scram = new ScramSha256Client("pencil".getBytes(UTF_8), ChannelBinding.tlsServerEndPoint(HASH),
                () -> NONCE);
        scram.clientFirstMessage();
        scram.handleServerFirst(SERVER_FIRST.getBytes(UTF_8));
        byte[] wrong = new byte[32];
        assertThatThrownBy(() -> scram.verifyServerFinal(("v=" + Base64.getEncoder().encodeToString(wrong))
                .getBytes(UTF_8))).isInstanceOf(AuthenticationFailure.class);
        assertThat(scram.channelBound()).isFalse();
    }

    @Test
    void bindingChangesTheProof() throws Exception {
        assertThat(exchange(ChannelBinding.none())[2].replace("c=biws", ""))
                .isNotEqualTo(exchange(ChannelBinding.notUsedButSupported())[2].replace("c=eSws", ""));
    }

    @Test
    void certificateHashIsCopiedAndNeverEmpty() {
        byte[] hash = HASH.clone();
        ChannelBinding binding = ChannelBinding.tlsServerEndPoint(hash);
        hash[0] = 0;
        assertThat(((ChannelBinding.TlsServerEndPoint) binding).certificateHash()).isEqualTo(HASH);
        assertThat(binding).isEqualTo(ChannelBinding.tlsServerEndPoint(HASH));
        assertThat(binding.toString()).contains("32 bytes");
        assertThatThrownBy(() -> ChannelBinding.tlsServerEndPoint(new byte[0]))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
