package io.ysql.testkit;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A certificate authority of the test PKI: its key pair and certificate, and the certificates
 * above it up to the root. It issues intermediate CAs, end-entity certificates and CRLs, signing
 * with SHA-256 when its key is RSA and with SHA-384 when it is EC (the testkit's EC CA has a
 * P-384 key). Every certificate gets a random 64-bit serial, a subject key identifier and, but
 * for self-signed ones, an authority key identifier.
 */
final class CertificateAuthority {
    private static final Duration CA_BACKDATE = Duration.ofDays(2);
    private static final Duration CA_LIFETIME = Duration.ofDays(3650);

    private final X500Name name;
    private final KeyPair keys;
    private final X509Certificate certificate;
    private final List<X509Certificate> issuers;
    private final SecureRandom random;

    private CertificateAuthority(X500Name name, KeyPair keys, X509Certificate certificate,
                                 List<X509Certificate> issuers, SecureRandom random) {
        this.name = name;
        this.keys = keys;
        this.certificate = certificate;
        this.issuers = List.copyOf(issuers);
        this.random = random;
    }

    /** What an end-entity certificate says; {@code sans} empty means no subjectAltName at all. */
    record Leaf(X500Name subject, PublicKey publicKey, List<GeneralName> sans, Instant notBefore,
                Instant notAfter, KeyPurposeId purpose) {
        Leaf {
            sans = List.copyOf(sans);
        }
    }

    /** A self-signed root CA. */
    static CertificateAuthority root(String commonName, KeyPair keys, Instant now, SecureRandom random) {
        X500Name name = distinguishedName(commonName);
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, serial(random),
                Date.from(now.minus(CA_BACKDATE)), Date.from(now.plus(CA_LIFETIME)), name, keys.getPublic());
        X509Certificate cert = sign(builder, keys, caExtensions(keys.getPublic(), null, -1));
        return new CertificateAuthority(name, keys, cert, List.of(), random);
    }

    /** An intermediate CA signed by this one, allowed to sign end entities only (pathLen 0). */
    CertificateAuthority intermediate(String commonName, KeyPair intermediateKeys, Instant now) {
        X500Name subject = distinguishedName(commonName);
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, serial(random),
                Date.from(now.minus(CA_BACKDATE)), Date.from(now.plus(CA_LIFETIME)), subject,
                intermediateKeys.getPublic());
        X509Certificate cert = sign(builder, keys, caExtensions(intermediateKeys.getPublic(), keys.getPublic(), 0));
        List<X509Certificate> chain = new ArrayList<>();
        chain.add(certificate);
        chain.addAll(issuers);
        return new CertificateAuthority(subject, intermediateKeys, cert, chain, random);
    }

    /** An end-entity certificate signed by this CA. */
    X509Certificate issue(Leaf leaf) {
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, serial(random),
                Date.from(leaf.notBefore()), Date.from(leaf.notAfter()), leaf.subject(), leaf.publicKey());
        return sign(builder, keys, leafExtensions(leaf, keys.getPublic()));
    }

    /** A self-signed end-entity certificate: issuer and subject are the same, and so are the keys. */
    static X509Certificate selfSigned(Leaf leaf, KeyPair leafKeys, SecureRandom random) {
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(leaf.subject(), serial(random),
                Date.from(leaf.notBefore()), Date.from(leaf.notAfter()), leaf.subject(), leaf.publicKey());
        return sign(builder, leafKeys, leafExtensions(leaf, null));
    }

    /** A CRL of this CA, valid from a day ago for 30 days, listing {@code revoked} (key compromise). */
    X509CRL crl(List<X509Certificate> revoked, Instant now) {
        JcaX509v2CRLBuilder builder = new JcaX509v2CRLBuilder(certificate, Date.from(now.minus(Duration.ofDays(1))));
        builder.setNextUpdate(Date.from(now.plus(Duration.ofDays(30))));
        for (X509Certificate cert : revoked) {
            builder.addCRLEntry(cert.getSerialNumber(), Date.from(now.minus(Duration.ofHours(1))),
                    CRLReason.keyCompromise);
        }
        try {
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(keys.getPublic()));
            builder.addExtension(Extension.cRLNumber, false, new CRLNumber(BigInteger.ONE));
            return new JcaX509CRLConverter().getCRL(builder.build(signer(keys)));
        } catch (GeneralSecurityException | CertIOException e) {
            throw new IllegalStateException("cannot make the CRL of " + name, e);
        }
    }

    X509Certificate certificate() { return certificate; }

    /** This CA's certificate and those above it but the root: what a server sends after its leaf. */
    List<X509Certificate> chainBelowRoot() {
        if (issuers.isEmpty()) return List.of();
        List<X509Certificate> chain = new ArrayList<>();
        chain.add(certificate);
        chain.addAll(issuers.subList(0, issuers.size() - 1));
        return chain;
    }

    static X500Name distinguishedName(String commonName) {
        return new X500Name("O=ysql-driver testkit,CN=" + commonName);
    }

    /** One extension to add. */
    private record Ext(ASN1ObjectIdentifier oid, boolean critical, ASN1Encodable value) {}

    private static List<Ext> caExtensions(PublicKey subjectKey, PublicKey issuerKey, int pathLength) {
        try {
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            List<Ext> extensions = new ArrayList<>(List.of(
                    new Ext(Extension.basicConstraints, true,
                            pathLength < 0 ? new BasicConstraints(true) : new BasicConstraints(pathLength)),
                    new Ext(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign)),
                    new Ext(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(subjectKey))));
            if (issuerKey != null) {
                extensions.add(new Ext(Extension.authorityKeyIdentifier, false,
                        utils.createAuthorityKeyIdentifier(issuerKey)));
            }
            return extensions;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot make CA extensions", e);
        }
    }

    private static List<Ext> leafExtensions(Leaf leaf, PublicKey issuerKey) {
        try {
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            int usage = leaf.publicKey() instanceof ECKey
                    ? KeyUsage.digitalSignature : KeyUsage.digitalSignature | KeyUsage.keyEncipherment;
            List<Ext> extensions = new ArrayList<>(List.of(
                    new Ext(Extension.basicConstraints, true, new BasicConstraints(false)),
                    new Ext(Extension.keyUsage, true, new KeyUsage(usage)),
                    new Ext(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(leaf.purpose())),
                    new Ext(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(leaf.publicKey()))));
            if (issuerKey != null) {
                extensions.add(new Ext(Extension.authorityKeyIdentifier, false,
                        utils.createAuthorityKeyIdentifier(issuerKey)));
            }
            if (!leaf.sans().isEmpty()) {
                extensions.add(new Ext(Extension.subjectAlternativeName, false,
                        new GeneralNames(leaf.sans().toArray(GeneralName[]::new))));
            }
            return extensions;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot make end-entity extensions", e);
        }
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, KeyPair signerKeys, List<Ext> extensions) {
        try {
            for (Ext ext : extensions) builder.addExtension(ext.oid(), ext.critical(), ext.value());
            return new JcaX509CertificateConverter().getCertificate(builder.build(signer(signerKeys)));
        } catch (GeneralSecurityException | CertIOException e) {
            throw new IllegalStateException("cannot sign a certificate", e);
        }
    }

    private static ContentSigner signer(KeyPair signerKeys) {
        String algorithm = signerKeys.getPublic() instanceof ECKey ? "SHA384withECDSA" : "SHA256withRSA";
        try {
            return new JcaContentSignerBuilder(algorithm).build(signerKeys.getPrivate());
        } catch (OperatorCreationException e) {
            throw new IllegalStateException("cannot sign with " + algorithm, e);
        }
    }

    private static BigInteger serial(SecureRandom random) {
        return new BigInteger(63, random).add(BigInteger.ONE);
    }
}
