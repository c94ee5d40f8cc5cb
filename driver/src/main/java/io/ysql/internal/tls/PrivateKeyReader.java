package io.ysql.internal.tls;

import io.ysql.internal.tls.DerReader.DerException;
import io.ysql.internal.tls.DerReader.Element;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.EncryptedPrivateKeyInfo;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Reads a client private key the way libpq's users write them: PEM with PKCS#8
 * ({@code PRIVATE KEY}), PKCS#8 encrypted with a passphrase ({@code ENCRYPTED PRIVATE KEY}, PBES2
 * as {@code openssl pkcs8 -topk8 -v2 aes-256-cbc} writes it, or the older PBES1 schemes the JDK
 * knows), PKCS#1 RSA ({@code RSA PRIVATE KEY}) and SEC1 EC ({@code EC PRIVATE KEY}); a file with
 * no PEM block is read as DER PKCS#8, as libpq retries DER. PKCS#1 and SEC1 are wrapped into a
 * PKCS#8 PrivateKeyInfo, the one encoding the JDK's {@code KeyFactory} reads. The legacy OpenSSL
 * encryption of PKCS#1/SEC1 ({@code Proc-Type: 4,ENCRYPTED}) is refused with the command that
 * converts the file.
 */
final class PrivateKeyReader {
    static final String RSA = "1.2.840.113549.1.1.1";
    static final String RSASSA_PSS = "1.2.840.113549.1.1.10";
    static final String EC = "1.2.840.10045.2.1";
    private static final String PBES2 = "1.2.840.113549.1.5.13";

    private static final Map<String, String> ALGORITHMS = Map.of(
            RSA, "RSA", RSASSA_PSS, "RSASSA-PSS", EC, "EC",
            "1.3.101.112", "Ed25519", "1.3.101.113", "Ed448", "1.2.840.10040.4.1", "DSA");

    private PrivateKeyReader() {}

    /**
     * The private key in {@code content}, the bytes of {@code file}.
     *
     * @param password the passphrase from {@code sslpassword}, or {@code null}
     * @throws SQLException 08001 naming the file and what is wrong; never the passphrase
     */
    static PrivateKey read(Path file, byte[] content, char[] password) throws SQLException {
        List<PemBlock> blocks;
        try {
            blocks = PemBlock.parseAll(new String(content, StandardCharsets.ISO_8859_1));
        } catch (IllegalArgumentException e) {
            throw TlsErrors.setup("could not read private key file \"" + file + "\": " + e.getMessage());
        }
        if (blocks.isEmpty()) return pkcs8(file, content);
        for (PemBlock b : blocks) {
            switch (b.label()) {
                case "PRIVATE KEY" -> { return pkcs8(file, b.der()); }
                case "ENCRYPTED PRIVATE KEY" -> { return pkcs8(file, decrypt(file, b.der(), password)); }
                case "RSA PRIVATE KEY" -> { return pkcs8(file, wrapPkcs1(file, b)); }
                case "EC PRIVATE KEY" -> { return pkcs8(file, wrapSec1(file, b)); }
                case "DSA PRIVATE KEY", "OPENSSH PRIVATE KEY" -> throw TlsErrors.setup("the private key file \"" + file
                        + "\" holds a " + b.label() + ", which is not supported; convert it to PKCS#8 with: "
                        + "openssl pkcs8 -topk8 -nocrypt -in <key> -out <new key>");
                default -> { } // EC PARAMETERS, certificates and other blocks: look further
            }
        }
        throw TlsErrors.setup("the file \"" + file + "\" holds no private key (expected a PEM block such as "
                + "-----BEGIN PRIVATE KEY-----)");
    }

    private static PrivateKey pkcs8(Path file, byte[] der) throws SQLException {
        String algorithm;
        try {
            List<Element> info = DerReader.read(der).expect(DerReader.SEQUENCE).children();
            if (info.size() < 3) throw new DerException("PrivateKeyInfo has " + info.size() + " fields");
            String oid = info.get(1).expect(DerReader.SEQUENCE).children().get(0).oid();
            algorithm = ALGORITHMS.get(oid);
            if (algorithm == null) {
                throw TlsErrors.setup("the private key in \"" + file + "\" uses an unsupported algorithm (OID " + oid
                        + "); RSA, EC, Ed25519, Ed448 and DSA keys are supported");
            }
        } catch (DerException | IndexOutOfBoundsException e) {
            throw TlsErrors.setup("could not read private key file \"" + file + "\": not a PEM or DER PKCS#8 key", e);
        }
        PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(der);
        try {
            return KeyFactory.getInstance(algorithm).generatePrivate(spec);
        } catch (GeneralSecurityException e) {
            throw TlsErrors.setup("could not read the " + algorithm + " private key in \"" + file + "\": "
                    + e.getMessage(), e);
        } finally {
            // the key's encoding, decrypted or as read (the spec keeps a copy Java 17 cannot wipe)
            Arrays.fill(der, (byte) 0);
        }
    }

    private static byte[] decrypt(Path file, byte[] der, char[] password) throws SQLException {
        if (password == null || password.length == 0) {
            throw TlsErrors.setup("the private key in \"" + file + "\" is encrypted; give its passphrase in sslpassword");
        }
        EncryptedPrivateKeyInfo info;
        String scheme;
        AlgorithmParameters params;
        try {
            info = new EncryptedPrivateKeyInfo(der);
            params = info.getAlgParameters();
            // For PBES2 the JDK names the algorithm PBES2 (or by OID); the parameters name the
            // concrete scheme, e.g. PBEWithHmacSHA256AndAES_256.
            boolean pbes2 = info.getAlgName().equalsIgnoreCase("PBES2") || info.getAlgName().equals(PBES2);
            scheme = pbes2 ? params.toString() : info.getAlgName();
        } catch (IOException | RuntimeException e) {
            throw unsupportedEncryption(file, e);
        }
        Cipher cipher;
        PBEKeySpec spec = new PBEKeySpec(password);
        try {
            cipher = Cipher.getInstance(scheme);
            cipher.init(Cipher.DECRYPT_MODE, SecretKeyFactory.getInstance(scheme).generateSecret(spec), params);
        } catch (GeneralSecurityException | RuntimeException e) {
            throw unsupportedEncryption(file, e);
        } finally {
            spec.clearPassword();
        }
        try {
            byte[] plain = info.getKeySpec(cipher).getEncoded();
            DerReader.read(plain).expect(DerReader.SEQUENCE); // a wrong passphrase may still unpad
            return plain;
        } catch (GeneralSecurityException | DerException e) {
            throw TlsErrors.setup("could not decrypt the private key in \"" + file + "\": wrong sslpassword?");
        }
    }

    private static SQLException unsupportedEncryption(Path file, Exception e) {
        return TlsErrors.setup("the private key in \"" + file + "\" is encrypted with a scheme this Java runtime "
                + "cannot decrypt; re-encrypt it with: openssl pkcs8 -topk8 -v2 aes-256-cbc -in <key> -out <new key>", e);
    }

    private static void refuseLegacyEncryption(Path file, PemBlock b) throws SQLException {
        if (b.legacyEncrypted()) {
            throw TlsErrors.setup("the private key in \"" + file + "\" uses the legacy OpenSSL encryption "
                    + "(Proc-Type: 4,ENCRYPTED), which is not supported; convert it to encrypted PKCS#8 with: "
                    + "openssl pkcs8 -topk8 -v2 aes-256-cbc -in <key> -out <new key>");
        }
    }

    /** PKCS#1 RSAPrivateKey → PrivateKeyInfo { 0, { rsaEncryption, NULL }, OCTET STRING key }. */
    private static byte[] wrapPkcs1(Path file, PemBlock b) throws SQLException {
        refuseLegacyEncryption(file, b);
        return DerWriter.sequence(DerWriter.integer(0),
                DerWriter.sequence(DerWriter.oid(RSA), DerWriter.nullValue()),
                DerWriter.octetString(b.der()));
    }

    /** SEC1 ECPrivateKey → PrivateKeyInfo { 0, { id-ecPublicKey, curve }, OCTET STRING key }. */
    private static byte[] wrapSec1(Path file, PemBlock b) throws SQLException {
        refuseLegacyEncryption(file, b);
        String curve = null;
        try {
            for (Element e : DerReader.read(b.der()).expect(DerReader.SEQUENCE).children()) {
                if (e.isContext(0)) curve = e.children().get(0).oid();
            }
        } catch (DerException | IndexOutOfBoundsException e) {
            throw TlsErrors.setup("could not read the EC private key in \"" + file + "\": " + e.getMessage(), e);
        }
        if (curve == null) {
            throw TlsErrors.setup("the EC private key in \"" + file + "\" does not name its curve; convert it to "
                    + "PKCS#8 with: openssl pkcs8 -topk8 -nocrypt -in <key> -out <new key>");
        }
        return DerWriter.sequence(DerWriter.integer(0),
                DerWriter.sequence(DerWriter.oid(EC), DerWriter.oid(curve)),
                DerWriter.octetString(b.der()));
    }

    /** Overwrites a copy of a passphrase once it is no longer needed. */
    static void wipe(char[] password) {
        if (password != null) Arrays.fill(password, '\0');
    }
}
