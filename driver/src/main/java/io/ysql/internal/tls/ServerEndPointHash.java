package io.ysql.internal.tls;

import io.ysql.internal.tls.DerReader.DerException;
import io.ysql.internal.tls.DerReader.Element;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;

/**
 * The {@code tls-server-end-point} channel-binding data of RFC 5929 section 4.1, which SCRAM-SHA-256-PLUS
 * binds to: the hash of the server's DER certificate, taken with the hash function of the
 * certificate's signature algorithm, except that MD5 and SHA-1 are replaced by SHA-256. For
 * RSASSA-PSS the hash is the one named in the signature parameters. Signature algorithms with no
 * single hash function (Ed25519, Ed448) have no binding data, as PostgreSQL's server agrees.
 */
final class ServerEndPointHash {
    private static final String RSASSA_PSS = "1.2.840.113549.1.1.10";

    /** Signature algorithm OID → hash, after the MD5/SHA-1 → SHA-256 rule. */
    private static final Map<String, String> BY_SIGNATURE = Map.ofEntries(
            Map.entry("1.2.840.113549.1.1.4", "SHA-256"), // md5WithRSAEncryption
            Map.entry("1.2.840.113549.1.1.5", "SHA-256"), // sha1WithRSAEncryption
            Map.entry("1.2.840.113549.1.1.14", "SHA-224"),
            Map.entry("1.2.840.113549.1.1.11", "SHA-256"),
            Map.entry("1.2.840.113549.1.1.12", "SHA-384"),
            Map.entry("1.2.840.113549.1.1.13", "SHA-512"),
            Map.entry("1.2.840.10045.4.1", "SHA-256"), // ecdsa-with-SHA1
            Map.entry("1.2.840.10045.4.3.1", "SHA-224"),
            Map.entry("1.2.840.10045.4.3.2", "SHA-256"),
            Map.entry("1.2.840.10045.4.3.3", "SHA-384"),
            Map.entry("1.2.840.10045.4.3.4", "SHA-512"),
            Map.entry("1.2.840.10040.4.3", "SHA-256"), // dsa-with-sha1
            Map.entry("2.16.840.1.101.3.4.3.1", "SHA-224"),
            Map.entry("2.16.840.1.101.3.4.3.2", "SHA-256"));

    /** Digest algorithm OID → hash, for RSASSA-PSS parameters. */
    private static final Map<String, String> BY_DIGEST = Map.of(
            "1.3.14.3.2.26", "SHA-256", // SHA-1
            "2.16.840.1.101.3.4.2.4", "SHA-224",
            "2.16.840.1.101.3.4.2.1", "SHA-256",
            "2.16.840.1.101.3.4.2.2", "SHA-384",
            "2.16.840.1.101.3.4.2.3", "SHA-512");

    private ServerEndPointHash() {}

    /** The binding data for {@code cert}, or {@code null} when its signature algorithm has none. */
    static byte[] of(X509Certificate cert) {
        String hash = hashFor(cert.getSigAlgOID(), cert.getSigAlgParams());
        if (hash == null) return null;
        try {
            return MessageDigest.getInstance(hash).digest(cert.getEncoded());
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            return null;
        }
    }

    /** The hash name for a signature algorithm OID and its DER parameters, or {@code null}. */
    static String hashFor(String signatureOid, byte[] params) {
        if (!RSASSA_PSS.equals(signatureOid)) return BY_SIGNATURE.get(signatureOid);
        // RSASSA-PSS-params ::= SEQUENCE { hashAlgorithm [0] AlgorithmIdentifier DEFAULT sha1, ... }
        if (params == null) return "SHA-256";
        try {
            for (Element e : DerReader.read(params).expect(DerReader.SEQUENCE).children()) {
                if (e.isContext(0)) {
                    List<Element> algorithm = DerReader.read(e.content()).expect(DerReader.SEQUENCE).children();
                    return BY_DIGEST.get(algorithm.get(0).oid());
                }
            }
            return "SHA-256"; // hashAlgorithm absent: SHA-1, replaced by SHA-256
        } catch (DerException | IndexOutOfBoundsException e) {
            return null;
        }
    }
}
