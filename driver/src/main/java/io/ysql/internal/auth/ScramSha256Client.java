package io.ysql.internal.auth;

import static io.ysql.internal.auth.ScramSha256Primitives.hi;
import static io.ysql.internal.auth.ScramSha256Primitives.hmac;
import static io.ysql.internal.auth.ScramSha256Primitives.sha256;
import static io.ysql.internal.auth.ScramSha256Primitives.xorInto;

import io.ysql.internal.auth.AuthenticationFailure.Kind;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The client side of one SCRAM-SHA-256 or SCRAM-SHA-256-PLUS exchange (RFC 5802, RFC 7677) as
 * PostgreSQL runs it (see "SASL Authentication" in the protocol docs): {@link #clientFirstMessage()},
 * then {@link #handleServerFirst(byte[])}, then {@link #verifyServerFinal(byte[])}, each exactly
 * once and in that order, else {@link IllegalStateException}. The user name sent is empty, because
 * the server takes it from the startup message, as libpq does. The password is prepared with
 * {@link SaslPrep} when that succeeds and used as raw bytes otherwise, like PostgreSQL. Derived keys
 * are zeroed once used; the password copy is zeroed after the proof is computed. Not thread-safe.
 */
public final class ScramSha256Client {
    private static final int RANDOM_NONCE_BYTES = 18;

    private enum State { INITIAL, FIRST_SENT, FINAL_SENT, DONE, FAILED }

    private final String scramUser;
    private final ChannelBinding binding;
    private final Supplier<String> nonceSupplier;
    private final byte[] password;
    private State state = State.INITIAL;
    private String clientNonce;
    private String clientFirstBare;
    private byte[] expectedServerSignature;

    /**
     * @param passwordUtf8 the password as UTF-8 bytes; copied
     * @param binding the channel-binding choice, which also fixes {@link #mechanism()}
     * @param nonceSupplier gives the client nonce: printable ASCII without ',' (RFC 5802)
     */
    public ScramSha256Client(byte[] passwordUtf8, ChannelBinding binding, Supplier<String> nonceSupplier) {
        this("", passwordUtf8, binding, nonceSupplier);
    }

    /** As the public constructor, with the SCRAM user name to send in {@code n=}, as in the RFC examples. */
    ScramSha256Client(String scramUser, byte[] passwordUtf8, ChannelBinding binding, Supplier<String> nonceSupplier) {
        this.scramUser = Objects.requireNonNull(scramUser, "scramUser");
        this.password = Objects.requireNonNull(passwordUtf8, "passwordUtf8").clone();
        this.binding = Objects.requireNonNull(binding, "binding");
        this.nonceSupplier = Objects.requireNonNull(nonceSupplier, "nonceSupplier");
    }

    /** A client whose nonce is 18 bytes from a new {@link SecureRandom}, base64-encoded. */
    public static ScramSha256Client withRandomNonce(byte[] passwordUtf8, ChannelBinding binding) {
        SecureRandom random = new SecureRandom();
        return new ScramSha256Client(passwordUtf8, binding, () -> {
            byte[] bytes = new byte[RANDOM_NONCE_BYTES];
            random.nextBytes(bytes);
            return Base64.getEncoder().encodeToString(bytes);
        });
    }

    /** The mechanism name for {@code SASLInitialResponse}: {@code SCRAM-SHA-256} or {@code SCRAM-SHA-256-PLUS}. */
    public String mechanism() {
        return binding.mechanism();
    }

    /**
     * Whether this exchange bound the session to the TLS channel: the client-first-message carried
     * the {@code p=tls-server-end-point} GS2 header and the server-final-message verified.
     */
    public boolean channelBound() {
        return state == State.DONE && binding instanceof ChannelBinding.TlsServerEndPoint;
    }

    /** The client-first-message: the GS2 header, then {@code n=<user>,r=<nonce>}. */
    public byte[] clientFirstMessage() {
        requireState(State.INITIAL, "clientFirstMessage");
        String nonce = nonceSupplier.get();
        if (nonce == null || !ScramServerFirst.isPrintable(nonce)) {
            state = State.FAILED;
            throw new IllegalStateException("the nonce supplier gave a nonce that is not printable ASCII without ','");
        }
        clientNonce = nonce;
        clientFirstBare = "n=" + saslName(scramUser) + ",r=" + nonce;
        state = State.FIRST_SENT;
        return (binding.gs2Header() + clientFirstBare).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Checks the server-first-message and computes the client-final-message with the proof.
     *
     * @throws AuthenticationFailure if the message is malformed ({@link Kind#PROTOCOL}), asks for a
     *     mandatory extension ({@link Kind#UNSUPPORTED}), or has a nonce not extending the client's
     *     or an iteration count outside 1..10,000,000 ({@link Kind#SERVER_UNVERIFIED})
     */
    public byte[] handleServerFirst(byte[] serverFirst) throws AuthenticationFailure {
        requireState(State.FIRST_SENT, "handleServerFirst");
        state = State.FAILED;
        byte[] normalized = null;
        byte[] saltedPassword = null;
        byte[] clientKey = null;
        byte[] storedKey = null;
        byte[] serverKey = null;
        try {
            ScramServerFirst first = ScramServerFirst.parse(serverFirst, clientNonce);
            String withoutProof = "c=" + Base64.getEncoder().encodeToString(binding.cbindInput())
                    + ",r=" + first.nonce();
            byte[] authMessage = (clientFirstBare + "," + first.text() + "," + withoutProof)
                    .getBytes(StandardCharsets.UTF_8);
            normalized = normalizedPassword(password);
            saltedPassword = hi(normalized, first.salt(), first.iterationCount());
            clientKey = hmac(saltedPassword, "Client Key");
            storedKey = sha256(clientKey);
            byte[] proof = hmac(storedKey, authMessage);
            xorInto(proof, clientKey);
            serverKey = hmac(saltedPassword, "Server Key");
            expectedServerSignature = hmac(serverKey, authMessage);
            String clientFinal = withoutProof + ",p=" + Base64.getEncoder().encodeToString(proof);
            Arrays.fill(proof, (byte) 0);
            state = State.FINAL_SENT;
            return clientFinal.getBytes(StandardCharsets.US_ASCII);
        } finally {
            Arrays.fill(password, (byte) 0);
            zero(normalized, saltedPassword, clientKey, storedKey, serverKey);
        }
    }

    /**
     * Checks the server-final-message: the server signature must match the one computed from the
     * password. Returns normally only when the server has proved it knows the password.
     *
     * @throws AuthenticationFailure {@link Kind#REJECTED} with the server's text for {@code e=},
     *     {@link Kind#SERVER_UNVERIFIED} for a wrong signature, {@link Kind#PROTOCOL} otherwise
     */
    public void verifyServerFinal(byte[] serverFinal) throws AuthenticationFailure {
        requireState(State.FINAL_SENT, "verifyServerFinal");
        state = State.FAILED;
        try {
            ScramServerFinal result = ScramServerFinal.parse(serverFinal);
            if (result instanceof ScramServerFinal.ServerError error) {
                throw new AuthenticationFailure(Kind.REJECTED,
                        "the server rejected SCRAM authentication: " + error.error());
            }
            byte[] signature = ((ScramServerFinal.Verifier) result).serverSignature();
            if (!MessageDigest.isEqual(expectedServerSignature, signature)) {
                throw new AuthenticationFailure(Kind.SERVER_UNVERIFIED,
                        "the SCRAM server signature does not match: the server does not know the password");
            }
            state = State.DONE;
        } finally {
            zero(expectedServerSignature);
        }
    }

    @Override
    public String toString() {
        return "ScramSha256Client[mechanism=" + mechanism() + ", state=" + state + "]";
    }

    private void requireState(State expected, String method) {
        if (state != expected) {
            throw new IllegalStateException(method + "() called in SCRAM state " + state + ", needs " + expected);
        }
    }

    /** The password after SASLprep, or the raw bytes when they are not UTF-8 or SASLprep refuses them. */
    private static byte[] normalizedPassword(byte[] raw) {
        String decoded;
        try {
            decoded = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(raw)).toString();
        } catch (CharacterCodingException e) {
            return raw.clone();
        }
        try {
            return SaslPrep.prepare(decoded).getBytes(StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return raw.clone();
        }
    }

    /** RFC 5802 saslname: ',' and '=' escaped as {@code =2C} and {@code =3D}. */
    private static String saslName(String user) {
        return user.replace("=", "=3D").replace(",", "=2C");
    }

    private static void zero(byte[]... arrays) {
        for (byte[] a : arrays) {
            if (a != null) {
                Arrays.fill(a, (byte) 0);
            }
        }
    }
}
