package io.ysql.internal.cli;

import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * What a user needs to see of one certificate of the server's chain: subject, issuer, validity
 * and the subjectAltNames ({@code DNS:…}, {@code IP:…}), the names {@code verify-full} matches.
 *
 * @param subject the subject, RFC 2253
 * @param issuer the issuer, RFC 2253
 * @param notBefore start of validity
 * @param notAfter end of validity
 * @param names the subjectAltNames of kind DNS and IP, e.g. {@code DNS:localhost}
 */
record CertificateView(String subject, String issuer, Instant notBefore, Instant notAfter, List<String> names) {
    private static final int DNS = 2;
    private static final int IP = 7;

    static CertificateView of(X509Certificate c) {
        List<String> names = new ArrayList<>();
        try {
            Collection<List<?>> sans = c.getSubjectAlternativeNames();
            if (sans != null) {
                for (List<?> san : sans) {
                    int kind = (Integer) san.get(0);
                    if (kind == DNS) names.add("DNS:" + san.get(1));
                    if (kind == IP) names.add("IP:" + san.get(1));
                }
            }
        } catch (CertificateParsingException e) {
            names.add("(unreadable subjectAltName: " + e.getMessage() + ")");
        }
        return new CertificateView(c.getSubjectX500Principal().getName(), c.getIssuerX500Principal().getName(),
                c.getNotBefore().toInstant(), c.getNotAfter().toInstant(), List.copyOf(names));
    }

    static List<CertificateView> of(List<X509Certificate> chain) {
        return chain.stream().map(CertificateView::of).toList();
    }

    /** Whether {@code at} lies in the validity period. */
    boolean validAt(Instant at) {
        return !at.isBefore(notBefore) && !at.isAfter(notAfter);
    }
}
