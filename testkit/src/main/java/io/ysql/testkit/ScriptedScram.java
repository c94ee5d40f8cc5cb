package io.ysql.testkit;

import io.ysql.internal.wire.BackendMessage;
import io.ysql.internal.wire.backend.AuthenticationOk;
import io.ysql.internal.wire.backend.AuthenticationSASL;
import io.ysql.internal.wire.backend.AuthenticationSASLContinue;
import io.ysql.internal.wire.backend.AuthenticationSASLFinal;
import io.ysql.internal.wire.backend.ErrorResponse;
import io.ysql.internal.wire.frontend.SASLInitialResponse;
import io.ysql.internal.wire.frontend.SASLResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The server side of a real SCRAM-SHA-256 exchange (RFC 5802, RFC 7677) for {@link ScriptedServer}:
 * it extends the client nonce, sends a random salt with 4096 iterations, checks the client proof
 * against the password, and proves itself with the server signature, unless a {@link Mutator}
 * tells it to lie. A wrong client proof gets the FATAL 28P01 error PostgreSQL sends.
 */
public final class ScriptedScram {
    private static final int ITERATIONS = 4096;

    private ScriptedScram() {}

    /** How the server lies: rewrites of its first and final messages, or AuthenticationOk with no SASLFinal. */
    public record Mutator(UnaryOperator<String> serverFirst, UnaryOperator<String> serverFinal, boolean okBeforeFinal) {
        public static final Mutator HONEST = new Mutator(s -> s, s -> s, false);
        /** A server-final with a well-formed signature that is not the right one. */
        public static final Mutator WRONG_SIGNATURE = new Mutator(s -> s, s -> "v=" + "A".repeat(43) + "=", false);
        public static final Mutator OK_BEFORE_FINAL = new Mutator(s -> s, s -> s, true);

        /** Rewrites the server-first message, e.g. {@code s -> s.replace("i=4096", "i=0")}. */
        public static Mutator serverFirst(UnaryOperator<String> rewrite) { return new Mutator(rewrite, s -> s, false); }
    }

    /** Plays the whole exchange on {@code peer}, ending with AuthenticationOk and {@code after} when it succeeds. */
    static void play(ScriptedServer.Peer peer, String password, Mutator mutator, List<BackendMessage> after)
            throws GeneralSecurityException, IOException {
        peer.send(List.of(new AuthenticationSASL(List.of("SCRAM-SHA-256"))));
        SASLInitialResponse initial = peer.read(SASLInitialResponse.class);
        String clientFirst = new String(initial.data(), StandardCharsets.UTF_8);
        String clientFirstBare = clientFirst.replaceFirst("^[^,]*,[^,]*,", ""); // without the GS2 header
        String clientNonce = clientFirstBare.replaceFirst("^.*r=([^,]*).*$", "$1");
        byte[] salt = new byte[16];
        SecureRandom random = new SecureRandom();
        random.nextBytes(salt);
        String serverFirst = mutator.serverFirst().apply("r=" + clientNonce + "scripted" + random.nextInt(1 << 30)
                + ",s=" + Base64.getEncoder().encodeToString(salt) + ",i=" + ITERATIONS);
        peer.send(List.of(new AuthenticationSASLContinue(serverFirst.getBytes(StandardCharsets.UTF_8))));
        String clientFinal = new String(peer.read(SASLResponse.class).data(), StandardCharsets.UTF_8);
        List<BackendMessage> answer = new ArrayList<>();
        if (!mutator.okBeforeFinal()) {
            int proofAt = clientFinal.lastIndexOf(",p=");
            byte[] authMessage = (clientFirstBare + "," + serverFirst + "," + clientFinal.substring(0, proofAt))
                    .getBytes(StandardCharsets.UTF_8);
            byte[] salted = hi(password.getBytes(StandardCharsets.UTF_8), salt);
            byte[] clientKey = Base64.getDecoder().decode(clientFinal.substring(proofAt + 3));
            byte[] storedKey = sha256(hmac(salted, "Client Key".getBytes(StandardCharsets.US_ASCII)));
            byte[] clientSignature = hmac(storedKey, authMessage);
            for (int i = 0; i < clientKey.length && i < clientSignature.length; i++) clientKey[i] ^= clientSignature[i];
            if (!MessageDigest.isEqual(sha256(clientKey), storedKey)) {
                peer.send(List.of(new ErrorResponse(Map.of('S', "FATAL", 'V', "FATAL", 'C', "28P01",
                        'M', "password authentication failed"))));
                return;
            }
            byte[] serverSignature = hmac(hmac(salted, "Server Key".getBytes(StandardCharsets.US_ASCII)), authMessage);
            String serverFinal = mutator.serverFinal().apply("v=" + Base64.getEncoder().encodeToString(serverSignature));
            answer.add(new AuthenticationSASLFinal(serverFinal.getBytes(StandardCharsets.UTF_8)));
        }
        answer.add(AuthenticationOk.INSTANCE);
        answer.addAll(after);
        peer.send(answer);
    }

    /** Hi() of RFC 5802: PBKDF2 with HMAC-SHA-256 and one output block. */
    private static byte[] hi(byte[] password, byte[] salt) throws GeneralSecurityException {
        Mac mac = mac(password);
        mac.update(salt);
        byte[] u = mac.doFinal(new byte[] {0, 0, 0, 1});
        byte[] result = u.clone();
        for (int i = 1; i < ITERATIONS; i++) {
            u = mac.doFinal(u);
            for (int j = 0; j < result.length; j++) result[j] ^= u[j];
        }
        return result;
    }

    private static byte[] hmac(byte[] key, byte[] data) throws GeneralSecurityException { return mac(key).doFinal(data); }

    private static Mac mac(byte[] key) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.length == 0 ? new byte[1] : key, "HmacSHA256"));
        return mac;
    }

    private static byte[] sha256(byte[] b) throws GeneralSecurityException { return MessageDigest.getInstance("SHA-256").digest(b); }
}
