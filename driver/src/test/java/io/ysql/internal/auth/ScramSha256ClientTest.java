package io.ysql.internal.auth;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.ysql.internal.auth.AuthenticationFailure.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ScramSha256ClientTest {
    // RFC 7677 section 3.
    private static final String RFC_NONCE = "rOprNGfwEbeRWgbNEkqO";
    private static final String RFC_SERVER_NONCE = "rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0";
    private static final String RFC_SERVER_FIRST =
            "r=" + RFC_SERVER_NONCE + ",s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096";
    private static final String RFC_CLIENT_FINAL =
            "c=biws,r=" + RFC_SERVER_NONCE + ",p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=";
    private static final String RFC_SERVER_FINAL = "v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=";

    private static ScramSha256Client rfcClient() {
        return new ScramSha256Client("user", bytes("pencil"), ChannelBinding.none(), () -> RFC_NONCE);
    }

    private static ScramSha256Client client(String password) {
        return new ScramSha256Client(bytes(password), ChannelBinding.none(), () -> RFC_NONCE);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(UTF_8);
    }

    private static String text(byte[] b) {
        return new String(b, UTF_8);
    }

    @Test
    void rfc7677ExchangeProducesTheRfcMessages() throws Exception {
        ScramSha256Client scram = rfcClient();
        assertThat(scram.mechanism()).isEqualTo("SCRAM-SHA-256");
        assertThat(text(scram.clientFirstMessage())).isEqualTo("n,,n=user,r=" + RFC_NONCE);
        assertThat(text(scram.handleServerFirst(bytes(RFC_SERVER_FIRST)))).isEqualTo(RFC_CLIENT_FINAL);
        assertThatCode(() -> scram.verifyServerFinal(bytes(RFC_SERVER_FINAL))).doesNotThrowAnyException();
    }

    @Test
    void publicConstructorSendsAnEmptyUserName() {
        assertThat(text(client("pencil").clientFirstMessage())).isEqualTo("n,,n=,r=" + RFC_NONCE);
    }

    @Test
    void wrongServerSignatureIsRejected() throws Exception {
        ScramSha256Client scram = rfcClient();
        scram.clientFirstMessage();
        scram.handleServerFirst(bytes(RFC_SERVER_FIRST));
        AuthenticationFailure failure = catchThrowableOfType(AuthenticationFailure.class,
                () -> scram.verifyServerFinal(bytes("v=7rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=")));
        assertThat(failure.kind()).isEqualTo(Kind.SERVER_UNVERIFIED);
    }

    @Test
    void serverErrorIsReportedWithItsText() throws Exception {
        ScramSha256Client scram = rfcClient();
        scram.clientFirstMessage();
        scram.handleServerFirst(bytes(RFC_SERVER_FIRST));
        AuthenticationFailure failure = catchThrowableOfType(AuthenticationFailure.class,
                () -> scram.verifyServerFinal(bytes("e=invalid-proof")));
        assertThat(failure.kind()).isEqualTo(Kind.REJECTED);
        assertThat(failure).hasMessageContaining("invalid-proof");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "x=abc", "v=", "v=not base64!", "6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=",
            "v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=,garbage"})
    void malformedServerFinalIsAProtocolFailure(String serverFinal) throws Exception {
        ScramSha256Client scram = rfcClient();
        scram.clientFirstMessage();
        scram.handleServerFirst(bytes(RFC_SERVER_FIRST));
        AuthenticationFailure failure = catchThrowableOfType(AuthenticationFailure.class,
                () -> scram.verifyServerFinal(bytes(serverFinal)));
        assertThat(failure.kind()).isEqualTo(Kind.PROTOCOL);
    }

    @Test
    void serverFinalMayCarryExtensions() throws Exception {
        ScramSha256Client scram = rfcClient();
        scram.clientFirstMessage();
        scram.handleServerFirst(bytes(RFC_SERVER_FIRST));
        assertThatCode(() -> scram.verifyServerFinal(bytes(RFC_SERVER_FINAL + ",x=future")))
                .doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "r=somebodyElsesNonce123,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096",
        "r=" + RFC_NONCE + ",s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096",
        "r=XrOprNGfwEbeRWgbNEkqO%hvY,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096"})
    void serverNonceMustExtendTheClientNonce(String serverFirst) {
        assertFailsServerFirst(serverFirst, Kind.SERVER_UNVERIFIED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "2147483648", "10000001", "99999999999999999999"})
    void iterationCountOutOfRangeIsRejected(String count) {
        assertFailsServerFirst("r=" + RFC_SERVER_NONCE + ",s=W22ZaJ0SNY7soEsUEjb6gQ==,i=" + count,
                Kind.SERVER_UNVERIFIED);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "r=" + RFC_SERVER_NONCE,
        "r=" + RFC_SERVER_NONCE + ",s=W22ZaJ0SNY7soEsUEjb6gQ==",
        "r=" + RFC_SERVER_NONCE + ",s=W22ZaJ0SNY7soEsUEjb6gQ==,i=",
        "r=" + RFC_SERVER_NONCE + ",s=W22ZaJ0SNY7soEsUEjb6gQ==,i=abc",
        "r=" + RFC_SERVER_NONCE + ",s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096,",
        "r=" + RFC_SERVER_NONCE + ",s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096,garbage",
        "s=W22ZaJ0SNY7soEsUEjb6gQ==,r=" + RFC_SERVER_NONCE + ",i=4096",
        "r=" + RFC_SERVER_NONCE + ",i=4096,s=W22ZaJ0SNY7soEsUEjb6gQ==",
        "r=" + RFC_SERVER_NONCE + ",s=,i=4096",
        "r=" + RFC_SERVER_NONCE + ",s=***,i=4096",
        "r=" + RFC_SERVER_NONCE + " x,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096",
        "garbage"})
    void truncatedOrGarbledServerFirstIsAProtocolFailure(String serverFirst) {
        assertFailsServerFirst(serverFirst, Kind.PROTOCOL);
    }

    @Test
    void serverFirstThatIsNotUtf8IsAProtocolFailure() {
        ScramSha256Client scram = rfcClient();
        scram.clientFirstMessage();
        AuthenticationFailure failure = catchThrowableOfType(AuthenticationFailure.class,
                () -> scram.handleServerFirst(new byte[] {'r', '=', (byte) 0xC3, '('}));
        assertThat(failure.kind()).isEqualTo(Kind.PROTOCOL);
    }

    @Test
    void mandatoryExtensionIsUnsupported() {
        assertFailsServerFirst("m=ext," + RFC_SERVER_FIRST, Kind.UNSUPPORTED);
    }

    @Test
    void serverFirstMayCarryExtensions() throws Exception {
        ScramSha256Client scram = rfcClient();
        scram.clientFirstMessage();
        assertThat(text(scram.handleServerFirst(bytes(RFC_SERVER_FIRST + ",x=1")))).startsWith("c=biws,r=");
    }

    private static void assertFailsServerFirst(String serverFirst, Kind kind) {
        ScramSha256Client scram = rfcClient();
        scram.clientFirstMessage();
        AuthenticationFailure failure = catchThrowableOfType(AuthenticationFailure.class,
                () -> scram.handleServerFirst(bytes(serverFirst)));
        assertThat(failure).as("failure for %s", serverFirst).isNotNull();
        assertThat(failure.kind()).isEqualTo(kind);
        assertThat(failure).hasMessageNotContaining("pencil");
    }

    @Test
    void methodsOutOfOrderThrowIllegalState() throws Exception {
        assertThatThrownBy(() -> rfcClient().handleServerFirst(bytes(RFC_SERVER_FIRST)))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> rfcClient().verifyServerFinal(bytes(RFC_SERVER_FINAL)))
                .isInstanceOf(IllegalStateException.class);

        ScramSha256Client scram = rfcClient();
        scram.clientFirstMessage();
        assertThatThrownBy(scram::clientFirstMessage).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> scram.verifyServerFinal(bytes(RFC_SERVER_FINAL)))
                .isInstanceOf(IllegalStateException.class);
        scram.handleServerFirst(bytes(RFC_SERVER_FIRST));
        assertThatThrownBy(() -> scram.handleServerFirst(bytes(RFC_SERVER_FIRST)))
                .isInstanceOf(IllegalStateException.class);
        scram.verifyServerFinal(bytes(RFC_SERVER_FINAL));
        assertThatThrownBy(() -> scram.verifyServerFinal(bytes(RFC_SERVER_FINAL)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void noCallSucceedsAfterAFailure() {
        ScramSha256Client scram = rfcClient();
        scram.clientFirstMessage();
        assertThatThrownBy(() -> scram.handleServerFirst(bytes("garbage"))).isInstanceOf(AuthenticationFailure.class);
        assertThatThrownBy(() -> scram.handleServerFirst(bytes(RFC_SERVER_FIRST)))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> scram.verifyServerFinal(bytes(RFC_SERVER_FINAL)))
                .isInstanceOf(IllegalStateException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "has,comma", "has space", "caf\u00e9"})
    void invalidNonceFromSupplierIsRefused(String nonce) {
        ScramSha256Client scram = new ScramSha256Client(bytes("pencil"), ChannelBinding.none(), () -> nonce);
        assertThatThrownBy(scram::clientFirstMessage).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void randomNonceIsTwentyFourBase64Characters() {
        String first = text(ScramSha256Client.withRandomNonce(bytes("pencil"), ChannelBinding.none())
                .clientFirstMessage());
        assertThat(first).matches("n,,n=,r=[A-Za-z0-9+/]{24}");
        String second = text(ScramSha256Client.withRandomNonce(bytes("pencil"), ChannelBinding.none())
                .clientFirstMessage());
        assertThat(second).isNotEqualTo(first);
    }

    @Test
    void toStringShowsNoSecret() throws Exception {
        ScramSha256Client scram = rfcClient();
        scram.clientFirstMessage();
        scram.handleServerFirst(bytes(RFC_SERVER_FIRST));
        assertThat(scram.toString()).doesNotContain("pencil").contains("SCRAM-SHA-256").contains("FINAL_SENT");
    }
}
