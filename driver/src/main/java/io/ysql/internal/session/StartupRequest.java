package io.ysql.internal.session;

import java.time.Duration;
import java.util.Map;
import java.util.function.IntPredicate;
import java.util.function.Supplier;

/**
 * What the startup flow needs: who connects to which database, the password (UTF-8, may be
 * null), extra startup parameters (application_name, options …), the random source for SCRAM
 * nonces, the deadline for the whole startup, which result types to ask for in binary, the
 * authentication policy, and the TLS channel-binding hash ({@code tls-server-end-point}; null
 * when the connection is not encrypted).
 */
public record StartupRequest(String user, String database, byte[] password, Map<String, String> parameters,
                             Supplier<String> nonces, Duration timeout, IntPredicate binaryResultType,
                             AuthPolicy auth, byte[] channelBindingHash) {
    @Override
    public String toString() {
        return "StartupRequest[user=" + user + ", database=" + database + ", password=<redacted>, parameters="
                + parameters + "]";
    }
}
