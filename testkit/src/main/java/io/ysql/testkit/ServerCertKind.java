package io.ysql.testkit;

import java.util.Locale;

/**
 * The server certificates {@link TestCertificates} makes, each good or bad in exactly one way.
 * Unless said otherwise a certificate has an RSA 2048 key, is signed with SHA-256 by the
 * intermediate CA (chain root → intermediate → leaf), is served with the intermediate after it in
 * its chain file, and names {@code DNS:localhost}, {@code IP:127.0.0.1} and {@code IP:::1} in its
 * subjectAltName.
 */
public enum ServerCertKind {
    /** The good one. */
    SERVER,
    /** Valid from 60 days ago until 30 days ago. */
    EXPIRED,
    /** Valid from 30 days from now on. */
    NOT_YET_VALID,
    /**
     * subjectAltName only {@code DNS:db.example.com}, while its CN is {@code localhost}: the CN must
     * be ignored when a dNSName is present, so verify-full to localhost fails.
     */
    OTHER_HOST,
    /** No subjectAltName at all, CN {@code localhost}: verify-full to localhost passes on the CN. */
    CN_ONLY,
    /**
     * subjectAltName only {@code DNS:*.localtest.me}, no IP address: reach it with
     * {@code host=db.localtest.me hostaddr=127.0.0.1}.
     */
    WILDCARD,
    /** Signed by another CA that is in no bundle the tests trust; served without that CA. */
    UNKNOWN_CA,
    /** Self-signed, otherwise like {@link #SERVER}; served alone. */
    SELF_SIGNED,
    /** Listed as revoked in the intermediate's CRL ({@link TestCertificates#crl()}). */
    REVOKED,
    /**
     * An ECDSA P-384 key, signed with SHA384withECDSA by a second intermediate that has a P-384 key
     * (chain root → EC intermediate → leaf): its tls-server-end-point channel binding hash is
     * SHA-384.
     */
    ECDSA_SHA384;

    /** The file name stem, e.g. {@code not-yet-valid}. */
    public String fileStem() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
