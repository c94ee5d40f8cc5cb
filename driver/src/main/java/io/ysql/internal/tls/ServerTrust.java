package io.ysql.internal.tls;

import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertPathValidatorException.BasicReason;
import java.security.cert.CertStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.PKIXRevocationChecker;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.net.ssl.CertPathTrustManagerParameters;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Decides whether the server's certificate is acceptable, during the handshake: with no root
 * certificates it accepts any (libpq's {@code require} without a root file: encrypted, not
 * authenticated); with roots it checks the chain with the JDK's PKIX validator, against the CRLs
 * when there are any and offline (CRLs only, no OCSP, no fetching; every certificate of the chain
 * needs a current CRL from its issuer, as libpq's {@code X509_V_FLAG_CRL_CHECK_ALL}); for
 * {@code verify-full} it then matches the host name given to the socket with {@link HostNameCheck}.
 * A rejection is a {@link CertificateRejected} saying which check failed.
 */
final class ServerTrust extends X509ExtendedTrustManager {
    private final X509ExtendedTrustManager pkix;
    private final List<X509Certificate> roots;
    private final String rootsSource;
    private final boolean checkHostName;

    private ServerTrust(X509ExtendedTrustManager pkix, List<X509Certificate> roots, String rootsSource,
                        boolean checkHostName) {
        this.pkix = pkix;
        this.roots = roots;
        this.rootsSource = rootsSource;
        this.checkHostName = checkHostName;
    }

    /** Accepts any certificate: encryption without authentication of the server. */
    static ServerTrust anyServer() {
        return new ServerTrust(null, List.of(), null, false);
    }

    /**
     * Checks the chain against {@code roots} (and {@code crls}), then the host name if asked.
     *
     * @param rootsSource how messages name the roots, e.g. {@code root certificate file "/x"}
     */
    static ServerTrust verifying(List<X509Certificate> roots, String rootsSource, List<X509CRL> crls,
                                 boolean checkHostName) throws GeneralSecurityException {
        Set<TrustAnchor> anchors = new HashSet<>();
        for (X509Certificate c : roots) anchors.add(new TrustAnchor(c, null));
        PKIXBuilderParameters params = new PKIXBuilderParameters(anchors, new X509CertSelector());
        if (crls.isEmpty()) {
            params.setRevocationEnabled(false);
        } else {
            params.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(crls)));
            PKIXRevocationChecker revocation = (PKIXRevocationChecker) CertPathBuilder.getInstance("PKIX")
                    .getRevocationChecker();
            revocation.setOptions(EnumSet.of(PKIXRevocationChecker.Option.PREFER_CRLS,
                    PKIXRevocationChecker.Option.NO_FALLBACK));
            params.addCertPathChecker(revocation);
            params.setRevocationEnabled(true);
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX");
        tmf.init(new CertPathTrustManagerParameters(params));
        for (TrustManager tm : tmf.getTrustManagers()) {
            if (tm instanceof X509ExtendedTrustManager x) {
                return new ServerTrust(x, List.copyOf(roots), rootsSource, checkHostName);
            }
        }
        throw new GeneralSecurityException("the PKIX trust manager factory made no X.509 trust manager");
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        SSLSession session = socket instanceof SSLSocket s ? s.getHandshakeSession() : null;
        check(chain, session == null ? null : session.getPeerHost(), () -> pkix.checkServerTrusted(chain, authType, socket));
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        SSLSession session = engine == null ? null : engine.getHandshakeSession();
        check(chain, session == null ? null : session.getPeerHost(), () -> pkix.checkServerTrusted(chain, authType, engine));
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        check(chain, null, () -> pkix.checkServerTrusted(chain, authType));
    }

    /** The JDK's chain check, deferred so that it runs only when roots are configured. */
    @FunctionalInterface
    private interface ChainCheck {
        void run() throws CertificateException;
    }

    private void check(X509Certificate[] chain, String host, ChainCheck chainCheck) throws CertificateException {
        try {
            checkChain(chain, host, chainCheck);
        } catch (CertificateRejected r) {
            throw r.presented(chain);
        }
    }

    private void checkChain(X509Certificate[] chain, String host, ChainCheck chainCheck) throws CertificateException {
        if (chain == null || chain.length == 0) throw new CertificateRejected("the server sent no certificate");
        if (pkix != null) {
            X509Certificate leaf = chain[0];
            try {
                leaf.checkValidity();
            } catch (CertificateExpiredException e) {
                throw new CertificateRejected("certificate has expired: the server certificate " + describe(leaf)
                        + " was valid until " + leaf.getNotAfter().toInstant(), e);
            } catch (CertificateNotYetValidException e) {
                throw new CertificateRejected("certificate is not yet valid: the server certificate " + describe(leaf)
                        + " is valid from " + leaf.getNotBefore().toInstant(), e);
            }
            try {
                chainCheck.run();
            } catch (CertificateException e) {
                throw explain(e, leaf);
            }
        }
        if (checkHostName) HostNameCheck.verify(host, chain[0]);
    }

    private CertificateRejected explain(CertificateException e, X509Certificate leaf) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CertPathValidatorException v && v.getReason() instanceof BasicReason reason) {
                String subject = describe(certificateAt(v, leaf));
                switch (reason) {
                    case REVOKED -> {
                        return new CertificateRejected("certificate has been revoked: " + subject
                                + " is listed in the certificate revocation list of its issuer", e);
                    }
                    case UNDETERMINED_REVOCATION_STATUS -> {
                        return new CertificateRejected("certificate chain: the revocation status of " + subject
                                + " is unknown: the certificate revocation lists hold no current list from \""
                                + certificateAt(v, leaf).getIssuerX500Principal().getName() + "\"", e);
                    }
                    case EXPIRED -> {
                        return new CertificateRejected("certificate has expired: " + subject + " (in the chain)", e);
                    }
                    case NOT_YET_VALID -> {
                        return new CertificateRejected("certificate is not yet valid: " + subject + " (in the chain)", e);
                    }
                    default -> { }
                }
            }
            if (t instanceof CertPathBuilderException || t instanceof CertPathValidatorException) {
                return new CertificateRejected("certificate chain: the server certificate " + describe(leaf) + " issued by \""
                        + leaf.getIssuerX500Principal().getName() + "\" does not lead to a root certificate in "
                        + rootsSource, e);
            }
        }
        return new CertificateRejected("certificate chain: " + e.getMessage(), e);
    }

    /** The certificate a validation failure points at, else the leaf. */
    private static X509Certificate certificateAt(CertPathValidatorException v, X509Certificate leaf) {
        if (v.getCertPath() == null) return leaf;
        List<? extends Certificate> path = v.getCertPath().getCertificates();
        int k = v.getIndex();
        return k >= 0 && k < path.size() && path.get(k) instanceof X509Certificate c ? c : leaf;
    }

    private static String describe(X509Certificate c) {
        return "\"" + c.getSubjectX500Principal().getName() + "\"";
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        throw new CertificateException("a client does not check client certificates");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        throw new CertificateException("a client does not check client certificates");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("a client does not check client certificates");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return roots.toArray(X509Certificate[]::new);
    }
}
