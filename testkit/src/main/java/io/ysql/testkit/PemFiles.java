package io.ysql.testkit;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.util.List;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.RSAPrivateKey;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PKCS8Generator;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemObjectGenerator;
import org.bouncycastle.util.io.pem.PemWriter;

/**
 * Writes certificates, CRLs and private keys as PEM files the way OpenSSL does, in each key
 * encoding libpq reads, and sets POSIX permissions: {@code 0600} for keys, {@code 0644} for the
 * rest. The encrypted PKCS#8 form uses PBES2 with PBKDF2-HMAC-SHA256 (2048 iterations, OpenSSL's
 * default) and AES-256-CBC; it is made with a private BouncyCastle provider instance, which is
 * never registered with the JVM.
 */
final class PemFiles {
    static final String KEY_MODE = "rw-------";
    static final String PUBLIC_MODE = "rw-r--r--";
    private static final int PBKDF2_ITERATIONS = 2048;

    private PemFiles() {}

    /** Certificates, in the given order (leaf first for a chain file). */
    static void writeCertificates(Path file, List<X509Certificate> certificates) {
        write(file, PUBLIC_MODE, certificates.stream().map(cert -> pem("CERTIFICATE", encoded(cert))).toList());
    }

    static void writeCrls(Path file, List<X509CRL> crls) {
        write(file, PUBLIC_MODE, crls.stream().map(crl -> pem("X509 CRL", encoded(crl))).toList());
    }

    /** {@code PRIVATE KEY}: the unencrypted PKCS#8 encoding. */
    static void writePkcs8(Path file, PrivateKey key, String mode) {
        write(file, mode, List.of(pem("PRIVATE KEY", key.getEncoded())));
    }

    /** {@code ENCRYPTED PRIVATE KEY}: PKCS#8 under PBES2 (PBKDF2-HMAC-SHA256, AES-256-CBC). */
    static void writeEncryptedPkcs8(Path file, PrivateKey key, char[] password, SecureRandom random) {
        try {
            JceOpenSSLPKCS8EncryptorBuilder encryptor = new JceOpenSSLPKCS8EncryptorBuilder(PKCS8Generator.AES_256_CBC)
                    .setProvider(new BouncyCastleProvider())
                    .setPRF(PKCS8Generator.PRF_HMACSHA256)
                    .setIterationCount(PBKDF2_ITERATIONS)
                    .setRandom(random)
                    .setPassword(password);
            write(file, KEY_MODE, List.of(new JcaPKCS8Generator(key, encryptor.build()).generate()));
        } catch (OperatorCreationException | IOException e) {
            throw new IllegalStateException("cannot encrypt a private key", e);
        }
    }

    /** {@code RSA PRIVATE KEY}: the PKCS#1 encoding. */
    static void writePkcs1(Path file, PrivateKey rsaKey) {
        try {
            byte[] der = RSAPrivateKey.getInstance(PrivateKeyInfo.getInstance(rsaKey.getEncoded()).parsePrivateKey())
                    .getEncoded();
            write(file, KEY_MODE, List.of(pem("RSA PRIVATE KEY", der)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode an RSA key", e);
        }
    }

    /**
     * {@code EC PRIVATE KEY}: the SEC1 (RFC 5915) encoding with the named curve and the public key,
     * as {@code openssl ec} writes it. Built by hand because the JDK's PKCS#8 form may leave both out
     * of the inner structure.
     */
    static void writeSec1(Path file, ECPrivateKey key, PublicKey publicKey) {
        try {
            PrivateKeyInfo info = PrivateKeyInfo.getInstance(key.getEncoded());
            ASN1ObjectIdentifier curve = ASN1ObjectIdentifier.getInstance(info.getPrivateKeyAlgorithm().getParameters());
            DERBitString point = new DERBitString(SubjectPublicKeyInfo.getInstance(publicKey.getEncoded()).getPublicKeyData().getOctets());
            int orderBits = key.getParams().getOrder().bitLength();
            byte[] der = new org.bouncycastle.asn1.sec.ECPrivateKey(orderBits, key.getS(), point, curve).getEncoded();
            write(file, KEY_MODE, List.of(pem("EC PRIVATE KEY", der)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode an EC key", e);
        }
    }

    /** Sets POSIX permissions, e.g. {@code rw-------}; a file system without them is left as it is. */
    static void setMode(Path file, String mode) {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system: the permission tests cannot apply there anyway.
        } catch (IOException e) {
            throw new UncheckedIOException("cannot set the permissions of " + file, e);
        }
    }

    private static PemObjectGenerator pem(String type, byte[] der) {
        return new PemObject(type, der);
    }

    private static void write(Path file, String mode, List<PemObjectGenerator> objects) {
        StringWriter text = new StringWriter();
        try (PemWriter writer = new PemWriter(text)) {
            for (PemObjectGenerator object : objects) writer.writeObject(object);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode " + file.getFileName(), e);
        }
        try {
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(file);
            Files.createFile(file);
            setMode(file, mode);
            Files.writeString(file, text.toString(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static byte[] encoded(X509Certificate certificate) {
        try {
            return certificate.getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encode a certificate", e);
        }
    }

    private static byte[] encoded(X509CRL crl) {
        try {
            return crl.getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encode a CRL", e);
        }
    }
}
