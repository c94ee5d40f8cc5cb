package io.ysql.config;

import io.ysql.config.ConnectionOption.Status;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.sql.DriverPropertyInfo;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * Every connection option the driver knows, declared once: libpq's names first, then pgjdbc's
 * and the YugabyteDB smart drivers' names as aliases or as options of their own. Parsing,
 * validation, {@code Driver.getPropertyInfo} and the generated option reference all read this
 * list. The file is longer than 500 lines because it is that one readable list.
 *
 * <p>Names are matched exactly first; a name that matches nothing exactly is matched ignoring
 * case, so the pgjdbc spellings users often mistype ({@code applicationname}, {@code SSLMODE},
 * {@code currentschema}) are accepted. No two declared names differ only in case.
 */
public final class Options {
    private Options() {}

    private static final int MAX = Integer.MAX_VALUE;
    private static final int MIN_MESSAGE_SIZE = 1024;

    // ---------------------------------------------------------------- supported: where and who

    public static final ConnectionOption<List<String>> HOST = option("host", OptionType.HOST_LIST)
            .alias("PGHOST").env("PGHOST").defaultText(HostSpec.DEFAULT_HOST).common()
            .doc("Host name, IP address or Unix-socket directory (a path starting with /) of the server; a "
                    + "comma-separated list names several servers, tried in order. Unix-domain sockets are not "
                    + "supported yet.").build();

    public static final ConnectionOption<List<String>> HOSTADDR = option("hostaddr", OptionType.ADDRESS_LIST)
            .env("PGHOSTADDR")
            .doc("Numeric IP address to connect to instead of resolving host (one per host when both are "
                    + "lists); host is still used for TLS host-name checks and .pgpass. Without host, the "
                    + "addresses are the hosts.").build();

    public static final ConnectionOption<List<Integer>> PORT = option("port", OptionType.PORT_LIST)
            .alias("PGPORT").env("PGPORT").defaultText(String.valueOf(HostSpec.DEFAULT_PORT)).common()
            .doc("Server port; either one port for all hosts or one per host. The default is YugabyteDB's "
                    + "YSQL port 5433.").build();

    public static final ConnectionOption<String> DBNAME = option("dbname", OptionType.STRING)
            .alias("database", "PGDBNAME").env("PGDATABASE").defaultText("yugabyte").common()
            .doc("Database to connect to.").build();

    public static final ConnectionOption<String> USER = option("user", OptionType.STRING)
            .env("PGUSER").defaultText("yugabyte").common()
            .doc("Database user name.").build();

    public static final ConnectionOption<String> PASSWORD = option("password", OptionType.STRING)
            .env("PGPASSWORD").defaultText("yugabyte").secret().common()
            .doc("Password. When neither given nor in PGPASSWORD, it is looked up in the password file "
                    + "(passfile) for each host; the default yugabyte applies only when that finds nothing.")
            .build();

    public static final ConnectionOption<String> PASSFILE = option("passfile", OptionType.STRING)
            .env("PGPASSFILE").defaultText("~/.pgpass")
            .doc("Password file with lines host:port:database:user:password (* matches anything). Ignored, "
                    + "with a warning, when group or others may read it.").build();

    public static final ConnectionOption<Duration> CONNECT_TIMEOUT = option("connect_timeout",
            OptionType.SECONDS.adjusted(" (1 counts as 2)", Options::atLeastTwoSeconds))
            .alias("connectTimeout", "loginTimeout").env("PGCONNECT_TIMEOUT").defaultText("10").common()
            .doc("Seconds to wait for a connection to one host to be established, as in libpq: 0 or an "
                    + "empty value waits forever, and 1 is treated as 2.").build();

    public static final ConnectionOption<String> APPLICATION_NAME = option("application_name", OptionType.STRING)
            .alias("ApplicationName").env("PGAPPNAME").common()
            .doc("Name shown in pg_stat_activity and the server log.").build();

    public static final ConnectionOption<String> FALLBACK_APPLICATION_NAME = option("fallback_application_name",
            OptionType.STRING)
            .doc("Application name used when application_name is not set (for tools that want a default "
                    + "the user can override).").build();

    public static final ConnectionOption<String> OPTIONS = option("options", OptionType.STRING)
            .env("PGOPTIONS")
            .doc("Command-line options sent to the server at startup, e.g. -c search_path=app "
                    + "-c statement_timeout=5s.").build();

    public static final ConnectionOption<String> CLIENT_ENCODING = option("client_encoding",
            OptionType.of("UTF8 (also spelled utf8, UTF-8, unicode)", Options::utf8Only, s -> s))
            .env("PGCLIENTENCODING").defaultText("UTF8")
            .doc("Client character set. The driver always speaks UTF8 to the server; any other value is "
                    + "refused.").build();

    public static final ConnectionOption<SslMode> SSLMODE = option("sslmode",
            OptionType.enumeration(SslMode.values(), SslMode::label))
            .env("PGSSLMODE").defaultText("prefer").common()
            .doc("Whether TLS is used and how much of the server certificate is checked: disable, allow, "
                    + "prefer (TLS if the server offers it), require, verify-ca, verify-full.").build();

    public static final ConnectionOption<Boolean> SSL = option("ssl", OptionType.BOOLEAN)
            .doc("pgjdbc: ssl=true means sslmode=require unless sslmode is also given; ssl=false has no "
                    + "effect.").build();

    public static final ConnectionOption<String> CURRENT_SCHEMA = option("currentSchema", OptionType.STRING)
            .common()
            .doc("pgjdbc: schema (or comma-separated schemas) sent as the startup parameter search_path.")
            .build();

    public static final ConnectionOption<String> TIMEZONE = option("timezone", OptionType.STRING)
            .env("PGTZ")
            .doc("Session time zone sent as a startup parameter (libpq reads only the PGTZ environment "
                    + "variable; the name is accepted here too).").build();

    public static final ConnectionOption<String> DATESTYLE = option("datestyle", OptionType.STRING)
            .env("PGDATESTYLE")
            .doc("Accepted for libpq compatibility (PGDATESTYLE), but not sent: the driver reads dates and times "
                    + "as ISO text, so the session always uses DateStyle ISO.").build();

    public static final ConnectionOption<String> GEQO = option("geqo", OptionType.STRING)
            .env("PGGEQO")
            .doc("Session geqo setting sent as a startup parameter (from PGGEQO, as in libpq).").build();

    public static final ConnectionOption<String> STRINGTYPE = option("stringtype",
            OptionType.oneOf("varchar", "unspecified"))
            .defaultText("varchar")
            .doc("pgjdbc: how JDBC sends setString and setObject(String) parameters: varchar types them "
                    + "varchar, as pgjdbc does; unspecified sends them untyped so the server infers the type "
                    + "from the context (setString then works on uuid, integer, json or enum columns). The "
                    + "cursor API always sends strings untyped.").build();

    public static final ConnectionOption<Integer> DEFAULT_FETCH_SIZE = option("default_fetch_size",
            OptionType.integer(0, MAX))
            .alias("defaultRowFetchSize").defaultText("0")
            .doc("Fetch size every JDBC Statement starts with: with n > 0 the rows of a query arrive in chunks of n, "
                    + "in autocommit mode too, so a result of any length needs memory for a chunk only (see "
                    + "docs/streaming.md); 0 reads all rows at once.").build();

    // ---------------------------------------------------------------- supported: TLS and auth

    public static final ConnectionOption<String> SSLROOTCERT = option("sslrootcert", OptionType.STRING)
            .env("PGSSLROOTCERT").defaultText("~/.postgresql/root.crt").common()
            .doc("PEM file of the trusted root certificates the server's certificate chain is checked against. "
                    + "When the file exists the chain is checked in every sslmode that uses TLS, as in libpq; "
                    + "verify-ca and verify-full fail without it. A file named explicitly must exist. The value "
                    + "system uses the Java runtime's trusted roots and makes verify-full the default sslmode (a "
                    + "weaker sslmode given with it is an error).").build();

    public static final ConnectionOption<String> SSLCERT = option("sslcert", OptionType.STRING)
            .env("PGSSLCERT").defaultText("~/.postgresql/postgresql.crt")
            .doc("Client certificate (PEM), sent when the server asks for one; intermediate certificates may "
                    + "follow it in the file. Without the default file no client certificate is sent; a file "
                    + "named explicitly must exist.").build();

    public static final ConnectionOption<String> SSLKEY = option("sslkey", OptionType.STRING)
            .env("PGSSLKEY").defaultText("~/.postgresql/postgresql.key")
            .doc("Private key of the client certificate: PEM PKCS#8 (plain, or encrypted with sslpassword), "
                    + "PKCS#1 RSA or SEC1 EC, or DER PKCS#8. Refused when group or others may read it (0600 or "
                    + "less; 0640 for a root-owned file), as in libpq.").build();

    public static final ConnectionOption<String> SSLPASSWORD = option("sslpassword", OptionType.STRING)
            .secret().doc("Passphrase of an encrypted PKCS#8 client key (sslkey).").build();

    public static final ConnectionOption<String> SSLCRL = option("sslcrl", OptionType.STRING)
            .env("PGSSLCRL").defaultText("~/.postgresql/root.crl")
            .doc("PEM file of certificate revocation lists; a revoked server certificate fails the chain check. "
                    + "With revocation lists every certificate of the chain needs a current list from its issuer. "
                    + "The default file is used, when it exists, only if neither sslcrl nor sslcrldir is set; a "
                    + "file named explicitly must exist.").build();

    public static final ConnectionOption<String> SSLCRLDIR = option("sslcrldir", OptionType.STRING)
            .env("PGSSLCRLDIR")
            .doc("Directory whose PEM certificate revocation list files are all read (in addition to sslcrl).")
            .build();

    public static final ConnectionOption<Boolean> SSLSNI = option("sslsni", OptionType.BOOLEAN)
            .env("PGSSLSNI").defaultText("true")
            .doc("Send the host name as TLS Server Name Indication (SNI), unless it is an IP address.").build();

    public static final ConnectionOption<String> SSL_MIN_PROTOCOL_VERSION = option("ssl_min_protocol_version",
            OptionType.oneOf("TLSv1", "TLSv1.1", "TLSv1.2", "TLSv1.3"))
            .env("PGSSLMINPROTOCOLVERSION").defaultText("TLSv1.2")
            .doc("Oldest TLS version allowed. The Java runtime may refuse TLSv1 and TLSv1.1 on its own "
                    + "(security property jdk.tls.disabledAlgorithms).").build();

    public static final ConnectionOption<String> SSL_MAX_PROTOCOL_VERSION = option("ssl_max_protocol_version",
            OptionType.oneOf("TLSv1", "TLSv1.1", "TLSv1.2", "TLSv1.3"))
            .env("PGSSLMAXPROTOCOLVERSION")
            .doc("Newest TLS version allowed; unset means the newest the Java runtime supports. Must not be "
                    + "older than ssl_min_protocol_version.").build();

    public static final ConnectionOption<String> SSLNEGOTIATION = option("sslnegotiation",
            OptionType.oneOf("postgres", "direct"))
            .alias("sslNegotiation").env("PGSSLNEGOTIATION").defaultText("postgres")
            .doc("postgres asks the server for TLS with an SSLRequest first; direct starts the TLS handshake at "
                    + "once, with ALPN postgresql, saving a round trip (PostgreSQL 17+; only with sslmode require, "
                    + "verify-ca or verify-full).").build();

    public static final ConnectionOption<String> CHANNEL_BINDING = option("channel_binding",
            OptionType.oneOf("disable", "prefer", "require"))
            .alias("channelBinding").env("PGCHANNELBINDING").defaultText("prefer")
            .doc("SCRAM channel binding to the server certificate (tls-server-end-point): prefer uses "
                    + "SCRAM-SHA-256-PLUS when the connection is encrypted and the server offers it; require refuses "
                    + "every authentication that is not SCRAM-SHA-256-PLUS, trust, password and md5 included, "
                    + "before anything derived from the password is sent; disable never binds.").build();

    public static final ConnectionOption<List<String>> REQUIRE_AUTH = option("require_auth",
            OptionType.of("comma-separated list of password, md5, gss, sspi, scram-sha-256, oauth, none; "
                    + "all prefixed with ! to forbid them instead", AuthMethods::parse, l -> String.join(",", l)))
            .alias("requireAuth").env("PGREQUIREAUTH")
            .doc("Authentication methods the server may ask for, as in libpq 16: e.g. scram-sha-256 (only "
                    + "SCRAM) or scram-sha-256,none (SCRAM, or no authentication at all); or, each prefixed with !, "
                    + "the methods it may not ask for (e.g. !password,!md5). Plain and ! entries cannot be mixed, "
                    + "and no method may be listed twice. Unset allows every method.").build();

    // ------------------------------------------------------- accepted, no effect yet: TLS and auth

    public static final ConnectionOption<String> SSLCERTMODE = ignored(option("sslcertmode",
            OptionType.oneOf("disable", "allow", "require"))
            .env("PGSSLCERTMODE").defaultText("allow").doc("Whether a client certificate is sent."));

    public static final ConnectionOption<Boolean> SSLCOMPRESSION = ignored(option("sslcompression",
            OptionType.BOOLEAN).defaultText("false").doc("TLS compression (obsolete; never used)."));

    public static final ConnectionOption<String> GSSENCMODE = ignored(option("gssencmode",
            OptionType.of("one of disable, allow, prefer (require is refused: the driver has no GSSAPI "
                    + "encryption)", Options::gssEncMode, s -> s))
            .alias("gssEncMode").env("PGGSSENCMODE").defaultText("disable")
            .doc("GSSAPI encryption; the driver never uses it."));

    public static final ConnectionOption<String> KRBSRVNAME = ignored(option("krbsrvname", OptionType.STRING)
            .alias("kerberosServerName").env("PGKRBSRVNAME").doc("Kerberos service name."));

    public static final ConnectionOption<String> GSSLIB = ignored(option("gsslib",
            OptionType.oneOf("auto", "sspi", "gssapi")).env("PGGSSLIB").doc("GSS library to use."));

    public static final ConnectionOption<Boolean> GSSDELEGATION = ignored(option("gssdelegation",
            OptionType.BOOLEAN).env("PGGSSDELEGATION").doc("Delegate GSS credentials to the server."));

    // ------------------------------------------------ supported: several hosts

    public static final ConnectionOption<String> TARGET_SESSION_ATTRS = option("target_session_attrs",
            OptionType.oneOf("any", "read-write", "read-only", "primary", "standby", "prefer-standby"))
            .env("PGTARGETSESSIONATTRS").defaultText("any")
            .doc("Which server among the hosts is acceptable, as in libpq: any, read-write, read-only, primary, "
                    + "standby, or prefer-standby (standbys first, then any). The error when none is names "
                    + "every host tried and why.").build();

    public static final ConnectionOption<String> LOAD_BALANCE_HOSTS = option("load_balance_hosts",
            OptionType.oneOf("disable", "random")).env("PGLOADBALANCEHOSTS").defaultText("disable")
            .doc("disable tries the hosts in the order given; random in a random order (libpq 16).").build();

    // ------------------------------------------------ supported: sockets, timeouts, notifications

    public static final ConnectionOption<Duration> SOCKET_TIMEOUT = option("socket_timeout", OptionType.SECONDS)
            .alias("socketTimeout").defaultText("0")
            .doc("Seconds a read may wait for the server's answer to a request (pgjdbc's socketTimeout); when it "
                    + "passes the connection is closed with SQLSTATE 08006. 0 = no limit. Idle waits for "
                    + "notifications are not bounded by it. Connection.setNetworkTimeout changes it per connection.")
            .build();

    public static final ConnectionOption<Duration> CANCEL_SIGNAL_TIMEOUT = option("cancelSignalTimeout",
            OptionType.SECONDS).defaultText("10")
            .doc("pgjdbc: seconds a cancel (Statement.cancel, query timeout) may take to connect, send its "
                    + "CancelRequest and see the server close the cancel connection; 0 means 10. No request is "
                    + "written on the connection meanwhile.").build();

    public static final ConnectionOption<Integer> NOTIFICATION_QUEUE_SIZE = option("notification_queue_size",
            OptionType.integer(1, MAX)).defaultText("10000")
            .doc("Most LISTEN/NOTIFY notifications kept for the application to take; when a new one arrives "
                    + "at a full queue, the oldest is dropped and a WARNING is logged.").build();

    public static final ConnectionOption<Integer> MAX_MESSAGE_SIZE = option("max_message_size",
            OptionType.of("a size in bytes from " + MIN_MESSAGE_SIZE + " to " + MAX + ", optionally followed by kB, MB "
                    + "or GB (units of 1024)", Options::messageSize, String::valueOf))
            .doc("Largest message the server may send (a row, a COPY chunk, an authentication or notification "
                    + "message), in bytes or with a unit (64MB); a longer announced length closes the connection "
                    + "with SQLSTATE 08P01 before any memory is set aside for it. The default is the smaller of "
                    + "1 GiB (plus 1 MiB of framing) and a quarter of the JVM's maximum heap. Raise it if the "
                    + "server really sends values this large.").build();

    public static final ConnectionOption<Boolean> KEEPALIVES = option("keepalives", OptionType.BOOLEAN)
            .defaultText("true").doc("TCP keep-alive (SO_KEEPALIVE), as in libpq; false turns it off.").build();

    public static final ConnectionOption<Integer> KEEPALIVES_IDLE = option("keepalives_idle",
            OptionType.integer(0, MAX)).doc("Seconds of inactivity before a TCP keep-alive probe (TCP_KEEPIDLE); "
                    + "unset or 0 keeps the system default.").build();

    public static final ConnectionOption<Integer> KEEPALIVES_INTERVAL = option("keepalives_interval",
            OptionType.integer(0, MAX)).doc("Seconds between TCP keep-alive probes (TCP_KEEPINTERVAL); unset or 0 "
                    + "keeps the system default.").build();

    public static final ConnectionOption<Integer> KEEPALIVES_COUNT = option("keepalives_count",
            OptionType.integer(0, MAX)).doc("Lost keep-alive probes before the connection is dead "
                    + "(TCP_KEEPCOUNT); unset or 0 keeps the system default.").build();

    // ------------------------------------------------ accepted, no effect yet: sockets

    public static final ConnectionOption<Integer> TCP_USER_TIMEOUT = ignored(option("tcp_user_timeout",
            OptionType.integer(0, MAX)).doc("Milliseconds unacknowledged data may stay in flight. Not applied: "
                    + "the Java runtime has no socket option for TCP_USER_TIMEOUT; use socket_timeout and the "
                    + "keepalives_* options instead."));

    // ------------------------------------------------ supported: YugabyteDB smart driver

    public static final ConnectionOption<String> LOAD_BALANCE = option("load_balance",
            OptionType.oneOf("false", "true", "any", "only-primary", "only-rr", "prefer-primary", "prefer-rr"))
            .alias("load-balance").defaultText("false")
            .doc("YugabyteDB: spread connections over the servers yb_servers() lists, each to the one with the "
                    + "fewest connections from this driver or data source; true = any node type, only-primary, "
                    + "only-rr (read replicas), prefer-primary, prefer-rr. Plain PostgreSQL gets a plain "
                    + "connection.").build();

    public static final ConnectionOption<String> TOPOLOGY_KEYS = option("topology_keys",
            OptionType.of("comma-separated cloud.region.zone[:priority] (zone may be *, priority 1 to 10)",
                    TopologyKeys::check, s -> s))
            .alias("topology-keys")
            .doc("YugabyteDB: with load_balance, the placements to use, preference 1 first; other servers "
                    + "only when none of these is available.").build();

    public static final ConnectionOption<Integer> YB_SERVERS_REFRESH_INTERVAL = option(
            "yb_servers_refresh_interval", OptionType.integer(0, 600))
            .alias("yb-servers-refresh-interval").defaultText("300")
            .doc("YugabyteDB: age in seconds after which the server list (yb_servers()) is fetched again, on "
                    + "the next connection opened; 0 = on every connection.").build();

    public static final ConnectionOption<Integer> FAILED_HOST_RECONNECT_DELAY_SECS = option(
            "failed_host_reconnect_delay_secs", OptionType.integer(0, 60))
            .alias("failed-host-reconnect-delay-secs", "failed_host_ttl_seconds").defaultText("5")
            .doc("YugabyteDB: seconds a server that could not be reached is avoided by load balancing.").build();

    public static final ConnectionOption<Boolean> FALLBACK_TO_TOPOLOGY_KEYS_ONLY = option(
            "fallback_to_topology_keys_only", OptionType.BOOLEAN)
            .alias("fallback-to-topology-keys-only").defaultText("false")
            .doc("YugabyteDB: fail rather than use servers outside topology_keys (prefer-primary and "
                    + "prefer-rr ignore it).").build();

    // ------------------------------------------------ supported: statements

    public static final ConnectionOption<Integer> PREPARE_THRESHOLD = option("prepare_threshold",
            OptionType.integer(-1, MAX))
            .alias("prepareThreshold").defaultText("5")
            .doc("The run of a statement (same SQL text and parameter types) from which it is prepared as a "
                    + "named statement on the server, so later runs send only Bind and Execute and read binary "
                    + "results; 0 never prepares (every run parses an unnamed statement), 1 or -1 (pgjdbc) "
                    + "prepares from the second run, the first one describing it. A statement can set its own "
                    + "with YsqlStatement.setPrepareThreshold.").build();

    public static final ConnectionOption<Integer> STATEMENT_CACHE_SIZE = option("statement_cache_size",
            OptionType.integer(0, MAX))
            .alias("preparedStatementCacheQueries").defaultText("256")
            .doc("Most statements the connection remembers (run counts, prepared statements and their columns); "
                    + "the least recently used go first, and their server statements are closed. 0 remembers "
                    + "none, so nothing is ever prepared.").build();

    public static final ConnectionOption<Integer> STATEMENT_CACHE_SIZE_MIB = option("statement_cache_size_mib",
            OptionType.integer(0, MAX))
            .alias("preparedStatementCacheSizeMiB").defaultText("5")
            .doc("Most memory, in MiB, the remembered statements may hold, estimated from their SQL text, "
                    + "parameter types and columns; the least recently used go first.").build();

    public static final ConnectionOption<Boolean> REWRITE_BATCHED_INSERTS = option("rewrite_batched_inserts",
            OptionType.BOOLEAN)
            .alias("reWriteBatchedInserts").defaultText("false")
            .doc("Send a batch (JDBC executeBatch, cursor executemany) of a single-row INSERT ... VALUES (...) "
                    + "without RETURNING as multi-row INSERTs of up to 128 rows each (powers of two, at most "
                    + "65535 parameters each); each row then counts SUCCESS_NO_INFO unless every row of its "
                    + "statement was inserted (then 1).").build();

    // ---------------------------------------------- accepted, no effect yet: pgjdbc property names

    public static final ConnectionOption<Boolean> ADAPTIVE_FETCH = pgjdbc("adaptiveFetch", OptionType.BOOLEAN,
            "false", "Adapt the fetch size to maxResultBuffer.");
    public static final ConnectionOption<Integer> ADAPTIVE_FETCH_MAXIMUM = pgjdbc("adaptiveFetchMaximum",
            OptionType.integer(-1, MAX), "-1", "Largest adaptive fetch size (-1 = none).");
    public static final ConnectionOption<Integer> ADAPTIVE_FETCH_MINIMUM = pgjdbc("adaptiveFetchMinimum",
            OptionType.integer(0, MAX), "0", "Smallest adaptive fetch size.");
    public static final ConnectionOption<Boolean> ALLOW_ENCODING_CHANGES = pgjdbc("allowEncodingChanges",
            OptionType.BOOLEAN, "false", "Allow SET client_encoding.");
    public static final ConnectionOption<String> ASSUME_MIN_SERVER_VERSION = pgjdbc("assumeMinServerVersion",
            OptionType.STRING, null, "Assume at least this server version.");
    public static final ConnectionOption<String> AUTOSAVE = option("autosave",
            OptionType.oneOf("always", "never", "conservative")).defaultText("never")
            .doc("As pgjdbc: always sets a savepoint before each statement inside a transaction block (in the "
                    + "same write), so that a failed statement is rolled back alone and the transaction goes on; "
                    + "conservative does so only for cached statements and re-runs one whose plan went stale; "
                    + "never leaves a failed transaction to the application.").build();
    public static final ConnectionOption<Boolean> BINARY_TRANSFER = pgjdbc("binaryTransfer",
            OptionType.BOOLEAN, "true", "Use the binary format where possible.");
    public static final ConnectionOption<String> BINARY_TRANSFER_DISABLE = pgjdbc("binaryTransferDisable",
            OptionType.STRING, null, "Types (OIDs or names) never transferred in binary.");
    public static final ConnectionOption<String> BINARY_TRANSFER_ENABLE = pgjdbc("binaryTransferEnable",
            OptionType.STRING, null, "Types (OIDs or names) transferred in binary.");
    public static final ConnectionOption<Boolean> CLEANUP_SAVEPOINTS = option("cleanupSavepoints",
            OptionType.BOOLEAN).defaultText("false")
            .doc("Release each autosave savepoint after its statement (in the same write), so that "
                    + "savepoints do not pile up on the server in long transactions.").build();
    public static final ConnectionOption<Boolean> CONVERT_BOOLEAN_TO_NUMERIC = pgjdbc("convertBooleanToNumeric",
            OptionType.BOOLEAN, "false", "Let numeric getters read boolean columns as 1/0.");
    public static final ConnectionOption<Integer> DATABASE_METADATA_CACHE_FIELDS = pgjdbc(
            "databaseMetadataCacheFields", OptionType.integer(0, MAX), "65536", "Cached field descriptions.");
    public static final ConnectionOption<Integer> DATABASE_METADATA_CACHE_FIELDS_MIB = pgjdbc(
            "databaseMetadataCacheFieldsMiB", OptionType.integer(0, MAX), "5", "Field cache size in MiB.");
    public static final ConnectionOption<Boolean> DISABLE_COLUMN_SANITISER = pgjdbc("disableColumnSanitiser",
            OptionType.BOOLEAN, "false", "Skip lower-casing of column labels.");
    public static final ConnectionOption<String> ESCAPE_SYNTAX_CALL_MODE = pgjdbc("escapeSyntaxCallMode",
            OptionType.oneOf("select", "callIfNoReturn", "call"), "select",
            "How {call ...} escapes become SQL.");
    public static final ConnectionOption<Boolean> GROUP_STARTUP_PARAMETERS = pgjdbc("groupStartupParameters",
            OptionType.BOOLEAN, "false", "Send startup settings in one transaction.");
    public static final ConnectionOption<Integer> GSS_RESPONSE_TIMEOUT = pgjdbc("gssResponseTimeout",
            OptionType.integer(0, MAX), "5000", "Milliseconds to wait for the GSS encryption answer.");
    public static final ConnectionOption<Boolean> GSS_USE_DEFAULT_CREDS = pgjdbc("gssUseDefaultCreds",
            OptionType.BOOLEAN, "false", "Use the process's GSS credentials instead of a JAAS login.");
    public static final ConnectionOption<Boolean> HIDE_UNPRIVILEGED_OBJECTS = pgjdbc("hideUnprivilegedObjects",
            OptionType.BOOLEAN, "false", "Hide objects without privileges from DatabaseMetaData.");
    public static final ConnectionOption<Integer> HOST_RECHECK_SECONDS = pgjdbc("hostRecheckSeconds",
            OptionType.integer(0, MAX), "10", "Seconds a host's primary/standby status is cached.");
    public static final ConnectionOption<String> JAAS_APPLICATION_NAME = pgjdbc("jaasApplicationName",
            OptionType.STRING, null, "JAAS login configuration name.");
    public static final ConnectionOption<Boolean> JAAS_LOGIN = pgjdbc("jaasLogin", OptionType.BOOLEAN,
            "true", "Log in through JAAS before GSSAPI authentication.");
    public static final ConnectionOption<Boolean> LOAD_BALANCE_HOSTS_PGJDBC = pgjdbc("loadBalanceHosts",
            OptionType.BOOLEAN, "false", "Try the hosts in random order.");
    public static final ConnectionOption<String> LOCAL_SOCKET_ADDRESS = pgjdbc("localSocketAddress",
            OptionType.STRING, null, "Local address to bind the socket to.");
    public static final ConnectionOption<String> LOGGER_FILE = pgjdbc("loggerFile", OptionType.STRING, null,
            "Log file (obsolete in pgjdbc too).");
    public static final ConnectionOption<String> LOGGER_LEVEL = pgjdbc("loggerLevel",
            OptionType.oneOf("OFF", "DEBUG", "TRACE"), null, "Log level (obsolete in pgjdbc too).");
    public static final ConnectionOption<Boolean> LOG_SERVER_ERROR_DETAIL = pgjdbc("logServerErrorDetail",
            OptionType.BOOLEAN, "true", "Include server error detail in exception messages.");
    public static final ConnectionOption<Boolean> LOG_UNCLOSED_CONNECTIONS = pgjdbc("logUnclosedConnections",
            OptionType.BOOLEAN, "false", "Log where leaked connections were opened.");
    public static final ConnectionOption<String> MAX_RESULT_BUFFER = pgjdbc("maxResultBuffer",
            OptionType.STRING, null, "Memory limit for one result (size or percent of heap).");
    public static final ConnectionOption<Integer> MAX_SEND_BUFFER_SIZE = pgjdbc("maxSendBufferSize",
            OptionType.integer(0, MAX), "8192", "Bytes buffered before a send.");
    public static final ConnectionOption<String> PEM_KEY_ALGORITHM = pgjdbc("pemKeyAlgorithm",
            OptionType.STRING, null, "Algorithm of a PEM client key.");
    public static final ConnectionOption<String> PREFER_QUERY_MODE = pgjdbc("preferQueryMode",
            OptionType.oneOf("extended", "extendedForPrepared", "extendedCacheEverything", "simple"),
            "extended", "Simple or extended query protocol.");
    public static final ConnectionOption<String> PROTOCOL_VERSION = pgjdbc("protocolVersion",
            OptionType.oneOf("3"), null, "Frontend/backend protocol version.");
    public static final ConnectionOption<Duration> QUERY_TIMEOUT = pgjdbc("queryTimeout", OptionType.SECONDS,
            "0", "Default statement timeout in seconds.");
    public static final ConnectionOption<Boolean> QUOTE_RETURNING_IDENTIFIERS = pgjdbc(
            "quoteReturningIdentifiers", OptionType.BOOLEAN, "true", "Quote generated-key column names.");
    public static final ConnectionOption<Boolean> READ_ONLY = option("readOnly", OptionType.BOOLEAN)
            .defaultText("false").doc("Start connections read-only, as setReadOnly(true) (see readOnlyMode).")
            .build();
    public static final ConnectionOption<String> READ_ONLY_MODE = option("readOnlyMode",
            OptionType.oneOf("ignore", "transaction", "always")).defaultText("transaction")
            .doc("What setReadOnly(true) does, as pgjdbc: transaction opens autocommit-off transactions with "
                    + "BEGIN READ ONLY; always also makes the session read-only in autocommit mode; ignore "
                    + "only remembers the flag.").build();
    public static final ConnectionOption<Integer> RECEIVE_BUFFER_SIZE = pgjdbc("receiveBufferSize",
            OptionType.integer(-1, MAX), "-1", "SO_RCVBUF (-1 = system default).");
    public static final ConnectionOption<Integer> SCRAM_MAX_ITERATIONS = pgjdbc("scramMaxIterations",
            OptionType.integer(0, MAX), "100000", "Largest SCRAM iteration count accepted.");
    public static final ConnectionOption<Integer> SEND_BUFFER_SIZE = pgjdbc("sendBufferSize",
            OptionType.integer(-1, MAX), "-1", "SO_SNDBUF (-1 = system default).");
    public static final ConnectionOption<String> SOCKET_FACTORY_ARG = pgjdbc("socketFactoryArg",
            OptionType.STRING, null, "Argument for socketFactory (which is refused).");
    public static final ConnectionOption<String> SSL_FACTORY_ARG = pgjdbc("sslfactoryarg", OptionType.STRING,
            null, "Argument for sslfactory (which is refused).");
    public static final ConnectionOption<Integer> SSL_RESPONSE_TIMEOUT = pgjdbc("sslResponseTimeout",
            OptionType.integer(0, MAX), "5000", "Milliseconds to wait for the answer to SSLRequest.");
    public static final ConnectionOption<String> SSL_ALIAS = pgjdbc("sslAlias", OptionType.STRING, null,
            "Alias of the client certificate in a key store.");
    public static final ConnectionOption<String> SSPI_SERVICE_CLASS = pgjdbc("sspiServiceClass",
            OptionType.STRING, "POSTGRES", "Windows SSPI service class.");
    public static final ConnectionOption<String> TARGET_SERVER_TYPE = pgjdbc("targetServerType",
            OptionType.oneOf("any", "primary", "master", "slave", "secondary", "preferSlave", "preferSecondary",
                    "preferPrimary"), "any", "Which kind of server among the hosts is acceptable.");
    public static final ConnectionOption<Boolean> TCP_KEEP_ALIVE = pgjdbc("tcpKeepAlive", OptionType.BOOLEAN,
            "false", "TCP keep-alive.");
    public static final ConnectionOption<Boolean> TCP_NO_DELAY = pgjdbc("tcpNoDelay", OptionType.BOOLEAN,
            "true", "TCP_NODELAY.");
    public static final ConnectionOption<Integer> UNKNOWN_LENGTH = pgjdbc("unknownLength",
            OptionType.integer(0, MAX), String.valueOf(MAX), "Length reported for types of unknown length.");
    public static final ConnectionOption<Boolean> USE_SPNEGO = pgjdbc("useSpnego", OptionType.BOOLEAN, "false",
            "Use SPNEGO in SSPI authentication.");

    // ----------------------------------------------------------------------------- refused

    private static final String NO_CLASSES = "the driver never loads classes named in connection options";

    public static final ConnectionOption<String> SSLFACTORY = rejected("sslfactory", NO_CLASSES
            + "; configure TLS with sslmode (require encrypts without checking the certificate, verify-full "
            + "checks it) and sslrootcert.");
    public static final ConnectionOption<String> SOCKET_FACTORY = rejected("socketFactory", NO_CLASSES + ".");
    public static final ConnectionOption<String> SSLHOSTNAMEVERIFIER = rejected("sslhostnameverifier",
            NO_CLASSES + "; sslmode=verify-full checks the host name.");
    public static final ConnectionOption<String> SSLPASSWORDCALLBACK = rejected("sslpasswordcallback",
            NO_CLASSES + "; give the key passphrase in sslpassword.");
    public static final ConnectionOption<String> AUTHENTICATION_PLUGIN_CLASS_NAME = rejected(
            "authenticationPluginClassName", NO_CLASSES + "; give the password in password or the password file.");
    public static final ConnectionOption<String> XML_FACTORY_FACTORY = rejected("xmlFactoryFactory",
            NO_CLASSES + "; XML is always parsed with external entities disabled.");
    public static final ConnectionOption<String> SERVICE = rejected("service",
            "connection service files (pg_service.conf) are not read by this driver; give the options directly.");
    public static final ConnectionOption<String> REPLICATION = rejected("replication",
            "replication connections (walsender mode) are not supported.");

    // --------------------------------------------------------------------------- the index

    private static final OptionIndex INDEX = new OptionIndex(declared());

    /** Every declared option, sorted by canonical name. */
    public static List<ConnectionOption<?>> all() {
        return INDEX.all();
    }

    /** The option with this name or alias (exact, else ignoring case), if any. */
    public static Optional<ConnectionOption<?>> byName(String name) {
        return INDEX.find(name);
    }

    /**
     * The closest declared name or alias to an unknown {@code name}, when it is close enough to be
     * a plausible typo.
     */
    public static Optional<String> suggest(String name) {
        return INDEX.suggest(name);
    }

    /**
     * What {@code Driver.getPropertyInfo} reports: every supported option, its value from
     * {@code given} (under any of its names) or its default, its choices and its description.
     * Secret values are never echoed.
     */
    public static DriverPropertyInfo[] driverPropertyInfo(Properties given) {
        Properties p = given == null ? new Properties() : given;
        List<DriverPropertyInfo> out = new ArrayList<>();
        for (ConnectionOption<?> o : all()) {
            if (o.status() != Status.SUPPORTED) continue;
            String value = null;
            for (String key : p.stringPropertyNames()) {
                if (byName(key).orElse(null) == o) value = p.getProperty(key);
            }
            out.add(propertyInfo(o, value == null ? o.defaultText().orElse(null) : value));
        }
        return out.toArray(DriverPropertyInfo[]::new);
    }

    /** {@link #driverPropertyInfo(Properties)} with the values of a built configuration. */
    public static DriverPropertyInfo[] driverPropertyInfo(ConnectionConfig config) {
        List<DriverPropertyInfo> out = new ArrayList<>();
        for (ConnectionOption<?> o : all()) {
            if (o.status() != Status.SUPPORTED) continue;
            Object v = config.get(o);
            out.add(propertyInfo(o, v == null ? null : o.type().formatObject(v)));
        }
        return out.toArray(DriverPropertyInfo[]::new);
    }

    private static DriverPropertyInfo propertyInfo(ConnectionOption<?> o, String value) {
        DriverPropertyInfo info = new DriverPropertyInfo(o.name(), o.secret() ? null : value);
        info.required = false;
        info.description = o.doc();
        List<String> choices = o.type().choices();
        info.choices = choices.isEmpty() ? null : choices.toArray(String[]::new);
        return info;
    }

    // --------------------------------------------------------------------------- helpers

    private static <T> ConnectionOption.Builder<T> option(String name, OptionType<T> type) {
        return ConnectionOption.builder(name, type);
    }

    private static <T> ConnectionOption<T> ignored(ConnectionOption.Builder<T> b) {
        return b.status(Status.IGNORED).build();
    }

    private static <T> ConnectionOption<T> pgjdbc(String name, OptionType<T> type, String defaultText, String doc) {
        return option(name, type).defaultText(defaultText).doc("pgjdbc: " + doc).status(Status.IGNORED).build();
    }

    private static ConnectionOption<String> rejected(String name, String reason) {
        return option(name, OptionType.STRING).doc(reason).status(Status.REJECTED).build();
    }

    private static Duration atLeastTwoSeconds(Duration d) {
        return d.isZero() || d.getSeconds() >= 2 ? d : Duration.ofSeconds(2);
    }

    private static String utf8Only(String s) {
        String n = s.replace("-", "").replace("_", "").toLowerCase(java.util.Locale.ROOT);
        if (n.equals("utf8") || n.equals("unicode")) return "UTF8";
        throw new IllegalArgumentException("only UTF8 is supported (the driver always exchanges UTF8 with "
                + "the server)");
    }

    /** A byte count for max_message_size: digits, then optionally kB, MB or GB (also K, KiB …), any case. */
    private static Integer messageSize(String s) {
        String t = s.trim().toLowerCase(java.util.Locale.ROOT);
        int digits = 0;
        while (digits < t.length() && (Character.isDigit(t.charAt(digits)) || (digits == 0 && t.charAt(0) == '-'))) {
            digits++;
        }
        long unit = switch (t.substring(digits).trim()) {
            case "", "b" -> 1L;
            case "k", "kb", "kib" -> 1L << 10;
            case "m", "mb", "mib" -> 1L << 20;
            case "g", "gb", "gib" -> 1L << 30;
            default -> throw new IllegalArgumentException("expected a number of bytes, optionally followed by kB, MB "
                    + "or GB (for example 64MB)");
        };
        long n;
        try {
            n = Long.parseLong(t.substring(0, digits));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected a number of bytes, optionally followed by kB, MB or GB "
                    + "(for example 64MB)");
        }
        if (n <= 0) throw new IllegalArgumentException("the largest message size must be positive, at least "
                + MIN_MESSAGE_SIZE + " bytes (for example 64MB)");
        if (n > MAX / unit) throw new IllegalArgumentException("at most " + MAX + " bytes (2 GB - 1), the protocol's limit");
        if (n * unit < MIN_MESSAGE_SIZE) throw new IllegalArgumentException("at least " + MIN_MESSAGE_SIZE
                + " bytes: every connection receives messages of a few hundred bytes");
        return (int) (n * unit);
    }

    private static String gssEncMode(String s) {
        for (String c : List.of("disable", "allow", "prefer")) {
            if (c.equalsIgnoreCase(s)) return c;
        }
        throw new IllegalArgumentException("require".equalsIgnoreCase(s)
                ? "the driver has no GSSAPI encryption, so it cannot be required"
                : "expected one of disable, allow, prefer");
    }

    private static List<ConnectionOption<?>> declared() {
        List<ConnectionOption<?>> list = new ArrayList<>();
        for (Field f : Options.class.getDeclaredFields()) {
            int m = f.getModifiers();
            if (Modifier.isStatic(m) && Modifier.isPublic(m) && f.getType() == ConnectionOption.class) {
                try {
                    list.add((ConnectionOption<?>) f.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        list.sort(Comparator.comparing(ConnectionOption::name));
        return List.copyOf(list);
    }
}
