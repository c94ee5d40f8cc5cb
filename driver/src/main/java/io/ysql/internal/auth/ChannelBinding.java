package io.ysql.internal.auth;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * The channel-binding choice of a SCRAM exchange (RFC 5802 section 6, RFC 5929): it fixes the GS2
 * header that opens the client-first-message, the mechanism name announced to the server, and the
 * bytes sent base64-encoded in the {@code c=} attribute of the client-final-message. Use
 * {@link #none()} without TLS or when binding is refused, {@link #notUsedButSupported()} over TLS
 * when the server did not offer {@code SCRAM-SHA-256-PLUS}, and {@link #tlsServerEndPoint(byte[])}
 * when it did.
 */
public sealed interface ChannelBinding {
    /** The plain mechanism. */
    String SCRAM_SHA_256 = "SCRAM-SHA-256";
    /** The mechanism with channel binding. */
    String SCRAM_SHA_256_PLUS = "SCRAM-SHA-256-PLUS";

    /** The client does not support channel binding: GS2 header {@code n,,}. */
    static ChannelBinding none() {
        return new None();
    }

    /** The client supports channel binding but the server did not offer it: GS2 header {@code y,,}. */
    static ChannelBinding notUsedButSupported() {
        return new NotUsedButSupported();
    }

    /**
     * Binding to the server certificate: GS2 header {@code p=tls-server-end-point,,}.
     *
     * @param certificateHash the hash of the server certificate per RFC 5929 section 4.1 (not empty)
     */
    static ChannelBinding tlsServerEndPoint(byte[] certificateHash) {
        return new TlsServerEndPoint(certificateHash);
    }

    /** The GS2 header, e.g. {@code "n,,"}, with its trailing comma. */
    String gs2Header();

    /** The SASL mechanism name to send in {@code SASLInitialResponse}. */
    String mechanism();

    /** The bytes whose base64 form is the {@code c=} attribute: the GS2 header, then any binding data. */
    default byte[] cbindInput() {
        return gs2Header().getBytes(StandardCharsets.US_ASCII);
    }

    /** No channel binding support. */
    record None() implements ChannelBinding {
        @Override
        public String gs2Header() {
            return "n,,";
        }

        @Override
        public String mechanism() {
            return SCRAM_SHA_256;
        }
    }

    /** Channel binding supported by the client but not used, so a downgrade can be detected. */
    record NotUsedButSupported() implements ChannelBinding {
        @Override
        public String gs2Header() {
            return "y,,";
        }

        @Override
        public String mechanism() {
            return SCRAM_SHA_256;
        }
    }

    /** Channel binding of type {@code tls-server-end-point}. The hash is copied in and out. */
    record TlsServerEndPoint(byte[] certificateHash) implements ChannelBinding {
        public TlsServerEndPoint {
            Objects.requireNonNull(certificateHash, "certificateHash");
            if (certificateHash.length == 0) {
                throw new IllegalArgumentException("the certificate hash is empty");
            }
            certificateHash = certificateHash.clone();
        }

        @Override
        public byte[] certificateHash() {
            return certificateHash.clone();
        }

        @Override
        public String gs2Header() {
            return "p=tls-server-end-point,,";
        }

        @Override
        public String mechanism() {
            return SCRAM_SHA_256_PLUS;
        }

        @Override
        public byte[] cbindInput() {
            byte[] header = gs2Header().getBytes(StandardCharsets.US_ASCII);
            byte[] out = Arrays.copyOf(header, header.length + certificateHash.length);
            System.arraycopy(certificateHash, 0, out, header.length, certificateHash.length);
            return out;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof TlsServerEndPoint other && Arrays.equals(certificateHash, other.certificateHash);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(certificateHash);
        }

        @Override
        public String toString() {
            return "TlsServerEndPoint[certificateHash=" + certificateHash.length + " bytes]";
        }
    }
}
