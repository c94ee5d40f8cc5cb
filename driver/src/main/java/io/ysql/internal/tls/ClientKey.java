package io.ysql.internal.tls;

import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * The client certificate and key from {@code sslcert}/{@code sslkey}, offered whenever the server
 * asks for a client certificate and the key fits one of the key types it accepts. Unlike the
 * JDK's key managers it ignores the list of CA names the server sends, because libpq sends its
 * certificate regardless of that list and a server's list often names only its root.
 */
final class ClientKey extends X509ExtendedKeyManager {
    private static final String ALIAS = "sslcert";

    private final PrivateKey key;
    private final List<X509Certificate> chain;

    /** @param chain the client certificate first, then any intermediates from the same file */
    ClientKey(PrivateKey key, List<X509Certificate> chain) {
        this.key = key;
        this.chain = List.copyOf(chain);
    }

    private String aliasFor(String[] keyTypes) {
        if (keyTypes == null) return null;
        String algorithm = key.getAlgorithm();
        for (String type : keyTypes) {
            if (type != null && (type.equalsIgnoreCase(algorithm)
                    || (algorithm.equals("EdDSA") && type.startsWith("Ed"))
                    || (algorithm.startsWith("Ed") && type.equals("EdDSA")))) {
                return ALIAS;
            }
        }
        return null;
    }

    @Override
    public String chooseClientAlias(String[] keyTypes, Principal[] issuers, Socket socket) {
        return aliasFor(keyTypes);
    }

    @Override
    public String chooseEngineClientAlias(String[] keyTypes, Principal[] issuers, SSLEngine engine) {
        return aliasFor(keyTypes);
    }

    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
        return aliasFor(new String[] {keyType}) == null ? null : new String[] {ALIAS};
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
        return ALIAS.equals(alias) ? chain.toArray(X509Certificate[]::new) : null;
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
        return ALIAS.equals(alias) ? key : null;
    }

    @Override
    public String[] getServerAliases(String keyType, Principal[] issuers) {
        return null;
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
        return null;
    }

    @Override
    public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
        return null;
    }

    @Override
    public String toString() {
        return "ClientKey[" + key.getAlgorithm() + ", " + chain.get(0).getSubjectX500Principal().getName() + "]";
    }
}
