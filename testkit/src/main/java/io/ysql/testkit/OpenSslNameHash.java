package io.ysql.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;

/**
 * OpenSSL's subject name hash ({@code openssl x509 -hash}, {@code X509_NAME_hash}), which names
 * the files of a hashed certificate or CRL directory ({@code openssl rehash}): the first four
 * bytes, read little-endian, of the SHA-1 of the name's canonical encoding. The canonical
 * encoding re-encodes each string value as UTF8String, lower-cased, with surrounding white space
 * removed and inner runs collapsed to one space, and leaves out the outer SEQUENCE header.
 * Lower-casing covers ASCII only, as OpenSSL's does; the testkit's names are ASCII.
 */
final class OpenSslNameHash {
    private OpenSslNameHash() {}

    /** Eight lower-case hex digits, e.g. {@code 9d66eef0}. */
    static String of(X500Principal name) {
        X500Name x500 = X500Name.getInstance(name.getEncoded());
        ByteArrayOutputStream canonical = new ByteArrayOutputStream();
        try {
            for (RDN rdn : x500.getRDNs()) {
                AttributeTypeAndValue[] values = rdn.getTypesAndValues();
                ASN1Encodable[] canonicalValues = new ASN1Encodable[values.length];
                for (int i = 0; i < values.length; i++) {
                    canonicalValues[i] = new AttributeTypeAndValue(values[i].getType(), canonical(values[i].getValue()));
                }
                canonical.write(new DERSet(canonicalValues).getEncoded());
            }
            byte[] sha1 = MessageDigest.getInstance("SHA-1").digest(canonical.toByteArray());
            long hash = (sha1[0] & 0xFFL) | (sha1[1] & 0xFFL) << 8 | (sha1[2] & 0xFFL) << 16 | (sha1[3] & 0xFFL) << 24;
            return String.format(Locale.ROOT, "%08x", hash);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode " + name, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-1", e);
        }
    }

    private static ASN1Encodable canonical(ASN1Encodable value) {
        if (!(value instanceof ASN1String string)) return value;
        String text = string.getString().strip().replaceAll("\\s+", " ");
        StringBuilder lower = new StringBuilder(text.length());
        for (char c : text.toCharArray()) lower.append(c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c);
        return new DERUTF8String(lower.toString());
    }
}
