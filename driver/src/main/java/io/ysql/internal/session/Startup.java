package io.ysql.internal.session;

import io.ysql.error.ServerError;
import io.ysql.error.SqlExceptions;
import io.ysql.error.SqlState;
import io.ysql.internal.auth.AuthenticationFailure;
import io.ysql.internal.auth.ChannelBinding;
import io.ysql.internal.auth.Md5Password;
import io.ysql.internal.auth.ScramSha256Client;
import io.ysql.internal.transport.Transport;
import io.ysql.internal.wire.BackendMessage;
import io.ysql.internal.wire.FrontendMessage;
import io.ysql.internal.wire.ProtocolViolation;
import io.ysql.internal.wire.backend.AuthenticationCleartextPassword;
import io.ysql.internal.wire.backend.AuthenticationMD5Password;
import io.ysql.internal.wire.backend.AuthenticationOk;
import io.ysql.internal.wire.backend.AuthenticationSASL;
import io.ysql.internal.wire.backend.AuthenticationSASLContinue;
import io.ysql.internal.wire.backend.AuthenticationSASLFinal;
import io.ysql.internal.wire.backend.AuthenticationUnsupported;
import io.ysql.internal.wire.backend.BackendKeyData;
import io.ysql.internal.wire.backend.ErrorResponse;
import io.ysql.internal.wire.backend.NegotiateProtocolVersion;
import io.ysql.internal.wire.backend.NoticeResponse;
import io.ysql.internal.wire.backend.ParameterStatus;
import io.ysql.internal.wire.backend.ReadyForQuery;
import io.ysql.internal.wire.frontend.PasswordMessage;
import io.ysql.internal.wire.frontend.SASLInitialResponse;
import io.ysql.internal.wire.frontend.SASLResponse;
import io.ysql.internal.wire.frontend.StartupMessage;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The startup flow: StartupMessage, the authentication exchange the server asks for (trust,
 * cleartext, MD5, SCRAM-SHA-256 with the server's signature verified before the session is
 * reported open), then the server's parameters and key up to the first ReadyForQuery. The whole
 * flow runs under the connect timeout; any failure closes the transport.
 */
final class Startup {
    private static final String SCRAM = "SCRAM-SHA-256";
    private static final String SCRAM_PLUS = "SCRAM-SHA-256-PLUS";

    private final Transport transport;
    private final StartupRequest request;
    private final Map<String, String> parameters = new HashMap<>();
    private ScramSha256Client scram;
    private boolean scramVerified;
    private String authMethod;
    private BackendKey key;

    Startup(Transport transport, StartupRequest request) {
        this.transport = transport;
        this.request = request;
    }

    Session run() throws SQLException {
        try {
            // connect_timeout bounds the whole startup, not each read: a peer that trickles messages still times out
            long deadline = request.timeout().isZero() ? 0 : System.nanoTime() + request.timeout().toNanos();
            transport.readTimeout(request.timeout());
            send(new StartupMessage(StartupMessage.PROTOCOL_3_0, startupParameters()));
            while (true) {
                if (deadline != 0) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) throw new SocketTimeoutException("connect_timeout expired during startup");
                    transport.readTimeout(Duration.ofNanos(left));
                }
                BackendMessage m = transport.reader().read();
                if (m instanceof ReadyForQuery rfq) {
                    transport.readTimeout(Duration.ZERO);
                    return new Session(transport, parameters, key, TransactionStatus.of(rfq.status()),
                            request.binaryResultType(), authMethod == null ? "trust" : authMethod,
                            scram != null && scram.channelBound());
                }
                handle(m);
            }
        } catch (IOException e) {
            transport.close();
            throw transport.ioFailure(e);
        } catch (ProtocolViolation e) {
            transport.close();
            throw Protocol.violation(e.getMessage());
        } catch (SQLException | RuntimeException e) {
            transport.close();
            throw e;
        }
    }

    private Map<String, String> startupParameters() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("user", request.user());
        p.put("database", request.database());
        p.putAll(request.parameters());
        p.put("client_encoding", "UTF8");
        p.put("DateStyle", "ISO");
        p.put("extra_float_digits", "3");
        return p;
    }

    private void handle(BackendMessage m) throws SQLException, IOException {
        if (m instanceof AuthenticationOk) {
            if (scram != null && !scramVerified) {
                throw Protocol.violation("the server reported authentication success before completing SCRAM, "
                        + "so it was never verified");
            }
            if (authMethod == null) {
                request.auth().check("none", "the server accepted the connection without authentication");
                authMethod = "trust";
            }
        } else if (m instanceof AuthenticationCleartextPassword) {
            request.auth().check("password", "the server asked for a cleartext password");
            authMethod = "password";
            send(PasswordMessage.cleartext(password("cleartext password")));
        } else if (m instanceof AuthenticationMD5Password md5) {
            request.auth().check("md5", "the server asked for an MD5 password");
            authMethod = "md5";
            send(PasswordMessage.cleartext(Md5Password.encode(request.user(), password("MD5"), md5.salt())));
        } else if (m instanceof AuthenticationSASL sasl) {
            startScram(sasl);
        } else if (m instanceof AuthenticationSASLContinue c) {
            if (scram == null) throw Protocol.unexpected(m, "no SASL exchange was started");
            send(new SASLResponse(authStep(() -> scram.handleServerFirst(c.data()))));
        } else if (m instanceof AuthenticationSASLFinal f) {
            if (scram == null) throw Protocol.unexpected(m, "no SASL exchange was started");
            authStep(() -> {
                scram.verifyServerFinal(f.data());
                return null;
            });
            scramVerified = true;
        } else if (m instanceof AuthenticationUnsupported u) {
            throw SqlExceptions.of(SqlState.INVALID_AUTHORIZATION_SPECIFICATION, "the server asks for "
                    + u.methodName() + " authentication, which ysql-driver does not support; "
                    + "use trust, password, md5 or scram-sha-256 for this user in pg_hba.conf");
        } else if (m instanceof ErrorResponse e) {
            throw SqlExceptions.fromServer(new ServerError(e.fields()));
        } else if (m instanceof ParameterStatus p) {
            parameters.put(p.name(), p.value());
        } else if (m instanceof BackendKeyData k) {
            // protocol 3.0 keys are 4 bytes; a longer (3.2) key cannot be quoted by a 3.0 CancelRequest
            key = k.secretKey().length == 4 ? new BackendKey(k.processId(), k.secretKeyInt()) : null;
        } else if (m instanceof NoticeResponse || m instanceof NegotiateProtocolVersion) {
            // a notice during startup has no caller to reach; protocol 3.0 needs no negotiation
        } else {
            throw Protocol.unexpected(m, "during startup");
        }
    }

    private void startScram(AuthenticationSASL sasl) throws SQLException, IOException {
        if (scram != null) throw Protocol.unexpected(sasl, "a second SASL exchange");
        AuthPolicy auth = request.auth();
        byte[] hash = request.channelBindingHash();
        ChannelBinding binding;
        if (hash != null && !auth.bindingDisabled() && sasl.mechanisms().contains(SCRAM_PLUS)) {
            binding = ChannelBinding.tlsServerEndPoint(hash);
        } else if (auth.bindingRequired()) {
            throw SqlExceptions.of(SqlState.INVALID_AUTHORIZATION_SPECIFICATION, "channel binding is required "
                    + "(channel_binding=require), but " + (hash == null
                            ? "the connection is not encrypted; use sslmode=require or stronger"
                            : "the server did not offer " + SCRAM_PLUS + " (it offered " + sasl.mechanisms() + ")")
                    + "; nothing derived from the password was sent");
        } else if (!sasl.mechanisms().contains(SCRAM)) {
            throw SqlExceptions.of(SqlState.INVALID_AUTHORIZATION_SPECIFICATION,
                    "the server offers only the SASL mechanisms " + sasl.mechanisms()
                            + ", none of which ysql-driver can use here (it supports " + SCRAM + ", and " + SCRAM_PLUS
                            + " over TLS)");
        } else {
            // "y": we could bind but the server did not offer it, so a stripped -PLUS is detected by the server
            binding = hash != null && !auth.bindingDisabled() ? ChannelBinding.notUsedButSupported() : ChannelBinding.none();
        }
        auth.check("scram-sha-256", "the server asked for SCRAM-SHA-256");
        scram = new ScramSha256Client(password("SCRAM-SHA-256"), binding, request.nonces());
        authMethod = scram.mechanism();
        send(new SASLInitialResponse(scram.mechanism(), scram.clientFirstMessage()));
    }

    private byte[] password(String method) throws SQLException {
        if (request.password() == null) {
            throw SqlExceptions.of(SqlState.SQLSERVER_REJECTED_ESTABLISHMENT_OF_SQLCONNECTION, "the server requires "
                    + method + " authentication for user \"" + request.user() + "\", but no password was given; "
                    + "set password, PGPASSWORD or a ~/.pgpass entry");
        }
        return request.password();
    }

    private interface AuthStep {
        byte[] run() throws AuthenticationFailure;
    }

    private static byte[] authStep(AuthStep step) throws SQLException {
        try {
            return step.run();
        } catch (AuthenticationFailure f) {
            String state = switch (f.kind()) {
                case REJECTED -> SqlState.INVALID_PASSWORD;
                case UNSUPPORTED -> SqlState.INVALID_AUTHORIZATION_SPECIFICATION;
                default -> SqlState.PROTOCOL_VIOLATION;
            };
            throw SqlExceptions.of(state, "SCRAM authentication failed: " + f.getMessage() + "; the connection was closed", f);
        }
    }

    private void send(FrontendMessage m) throws IOException {
        transport.writer().add(m);
        transport.writer().flush();
    }
}
