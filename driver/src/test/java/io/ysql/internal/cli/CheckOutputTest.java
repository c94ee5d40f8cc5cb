package io.ysql.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.ysql.ConnectEvent;
import io.ysql.ConnectionInfo;
import io.ysql.config.ConfigSources;
import io.ysql.config.ConnectionConfig;
import io.ysql.error.SqlExceptions;
import io.ysql.error.SqlState;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The check report without a server: which options are shown and from where (the password as
 * {@code ***} whatever its source), the text and JSON forms of a failed and of a successful
 * connect, and the advice for the failures only the steps reveal.
 */
class CheckOutputTest {
    private static final Duration MS = Duration.ofMillis(3);

    private static ConnectionConfig config(String conninfo, Map<String, String> env) throws SQLException {
        return ConnectionConfig.parse(conninfo, null, new ConfigSources(env, null));
    }

    private static String text(CheckReport r) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CheckText.print(r, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void optionsShowTheirSourceAndNeverThePassword() throws SQLException {
        ConnectionConfig c = config("host=db1 sslmode=require", Map.of("PGUSER", "alice", "PGPASSWORD", "s3cret",
                "PGAPPNAME", "app"));
        List<CheckReport.OptionLine> lines = CheckCommand.options(c);
        assertThat(lines).contains(new CheckReport.OptionLine("host", "db1", "given", null),
                new CheckReport.OptionLine("user", "alice", "environment", "PGUSER"),
                new CheckReport.OptionLine("password", "***", "environment", "PGPASSWORD"),
                new CheckReport.OptionLine("application_name", "app", "environment", "PGAPPNAME"),
                new CheckReport.OptionLine("port", "5433", "default", null));
        assertThat(lines).extracting(CheckReport.OptionLine::name).doesNotContain("sslcrl", "keepalives");
        assertThat(lines.toString()).doesNotContain("s3cret");
    }

    @Test
    void aRefusedConnectReadsAsStepsErrorAndAdvice() throws SQLException {
        ConnectionConfig c = config("host=db1 port=6000 sslmode=disable", Map.of());
        SQLException refused = SqlExceptions.of(SqlState.SQLCLIENT_UNABLE_TO_ESTABLISH_SQLCONNECTION,
                "connection to server at \"db1\" (10.0.0.5), port 6000 failed: Connection refused");
        List<ConnectEvent> events = List.of(new ConnectEvent.Resolved("db1", "db1", List.of("10.0.0.5"), MS),
                new ConnectEvent.TcpFailed("db1", "10.0.0.5", 6000, ConnectEvent.TcpFailure.REFUSED,
                        "Connection refused", MS),
                new ConnectEvent.AttemptFailed("db1", 6000, false, refused));
        CheckReport r = new CheckReport(CheckCommand.options(c), events, null, Map.of(), Optional.empty(), refused,
                Advice.of(refused, events, c), MS, Duration.ofSeconds(10));
        assertThat(text(r)).contains("  [ok]    dns      db1 -> 10.0.0.5 (3 ms)",
                "  [FAIL]  tcp      db1 (10.0.0.5) port 6000: refused (Connection refused, 3 ms)",
                "  [FAIL]  attempt  plaintext attempt on db1:6000 failed, SQLSTATE 08001",
                "Result: FAILED, SQLSTATE 08001",
                "  - nothing accepts connections at db1 (10.0.0.5) port 6000");
        String json = Json.write(CheckJson.of(r));
        assertThat(json).startsWith("{\n  \"schema\": \"ysql-driver/check/1\",\n  \"ok\": false,")
                .contains("\"step\": \"tcp\",\n      \"ok\": false,", "\"outcome\": \"refused\"",
                        "\"step\": \"attempt\"", "\"server\": null", "\"cluster\": null", "\"took_ms\": 3",
                        "\"sqlstate\": \"08001\"", "\"advice\": [\n      \"nothing accepts connections");
    }

    @Test
    void aTimedOutTcpConnectSaysHowLongItWaited() throws SQLException {
        ConnectionConfig c = config("host=db1 port=6000 connect_timeout=2 sslmode=disable", Map.of());
        SQLException timedOut = SqlExceptions.of(SqlState.SQLCLIENT_UNABLE_TO_ESTABLISH_SQLCONNECTION,
                "connection to server at \"db1\" (10.0.0.5), port 6000 failed: timeout expired");
        List<ConnectEvent> events = List.of(new ConnectEvent.TcpFailed("db1", "10.0.0.5", 6000,
                ConnectEvent.TcpFailure.TIMED_OUT, "timeout expired", MS));
        CheckReport r = new CheckReport(CheckCommand.options(c), events, null, Map.of(), Optional.empty(), timedOut,
                Advice.of(timedOut, events, c), MS, c.connectTimeout());
        assertThat(text(r)).contains("  [FAIL]  tcp      no answer within 2 s from 10.0.0.5:6000 (db1): the TCP connect "
                        + "timed out (timeout expired, 3 ms)",
                "  - no answer from db1 (10.0.0.5) port 6000 within 2 s:");
        assertThat(Json.write(CheckJson.of(r))).contains("\"outcome\": \"timed_out\"", "\"connect_timeout_ms\": 2000");
    }

    @Test
    void aServerThatAcceptsButNeverAnswersIsTold() throws SQLException {
        ConnectionConfig c = config("host=db1 port=6000 connect_timeout=3 sslmode=disable", Map.of());
        SQLException lost = SqlExceptions.of(SqlState.CONNECTION_FAILURE, "connection to db1:6000 lost: timeout expired",
                new java.net.SocketTimeoutException("Read timed out"));
        List<ConnectEvent> events = List.of(new ConnectEvent.TcpConnected("db1", "10.0.0.5", 6000, MS),
                new ConnectEvent.AttemptFailed("db1", 6000, false, lost));
        CheckReport r = new CheckReport(CheckCommand.options(c), events, null, Map.of(), Optional.empty(), lost,
                Advice.of(lost, events, c), MS, c.connectTimeout());
        assertThat(text(r)).contains("no answer within 3 s from db1:6000: the TCP connection was accepted, but "
                        + "nothing came back",
                "  - the server at db1:6000 accepted the TCP connection but sent no answer within 3 s");
        assertThat(CheckReport.within(Duration.ofMillis(1500))).isEqualTo("1500 ms");
        assertThat(Json.write(CheckJson.of(r))).contains("\"outcome\": \"no_answer\"");
        SQLException refusedLater = SqlExceptions.of(SqlState.CONNECTION_FAILURE, "connection to db1:6000 lost: reset");
        assertThat(CheckReport.noAnswer(new ConnectEvent.AttemptFailed("db1", 6000, false, refusedLater))).isFalse();
    }

    @Test
    void aConnectionShowsTheServerAndYugabyteRelease() throws SQLException {
        ConnectionConfig c = config("host=db1", Map.of());
        List<ConnectEvent> events = List.of(new ConnectEvent.TlsAnswered("db1", 5433, true),
                new ConnectEvent.TlsEstablished("db1", 5433, "require", "TLSv1.3", "TLS_AES_128_GCM_SHA256", false,
                        false, null, List.of(), MS),
                new ConnectEvent.Authenticated("db1", 5433, "SCRAM-SHA-256-PLUS", true, Map.of(), MS));
        ConnectionInfo info = new ConnectionInfo("db1", 5433, true, "TLSv1.3", "TLS_AES_128_GCM_SHA256", null, null,
                "SCRAM-SHA-256-PLUS");
        CheckReport r = new CheckReport(CheckCommand.options(c), events, info,
                Map.of("server_version", "11.2-YB-2.20.1.0-b0"), Optional.empty(), null, List.of(), MS,
                Duration.ofSeconds(10));
        assertThat(text(r)).contains("[ok]    ssl      the server accepted the SSL request",
                "sslmode=require without root certificates: encrypted, but the server's identity is not checked",
                "auth     SCRAM-SHA-256-PLUS, channel binding: yes",
                "version:         11.2-YB-2.20.1.0-b0 (YugabyteDB 2.20.1.0)", "Result: connected in 3 ms");
        assertThat(Json.write(CheckJson.of(r))).contains("\"yugabytedb\": true", "\"yugabytedb_release\": \"2.20.1.0\"",
                "\"channel_binding\": true", "\"error\": null");
    }

    @Test
    void aServerWithoutTlsUnderRequireIsExplained() throws SQLException {
        ConnectionConfig c = config("host=db1 sslmode=verify-full sslrootcert=/nonexistent/root.crt", Map.of());
        SQLException e = SqlExceptions.of(SqlState.SQLCLIENT_UNABLE_TO_ESTABLISH_SQLCONNECTION, "no SSL");
        List<String> advice = Advice.of(e, List.of(new ConnectEvent.TlsAnswered("db1", 5433, false)), c);
        assertThat(advice).containsExactly("the server at db1:5433 has TLS off but sslmode=verify-full requires it: "
                + "turn ssl on in the server's postgresql.conf, or use sslmode=prefer if an unencrypted connection is "
                + "acceptable");
    }
}
