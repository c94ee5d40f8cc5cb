// Generated from io.ysql.config.Options by io.ysql.jdbc.DataSourceSettersGenerator
// (driver/src/test/java); do not edit. Regenerate:
//   mvn -q -pl driver test -Dtest=YsqlDataSourceSettersTest -Dysql.regenerate=true
package io.ysql.jdbc;

import io.ysql.config.ConnectionOption;
import io.ysql.config.Options;
import java.time.Duration;
import java.util.List;

/**
 * The JavaBeans properties of {@link YsqlDataSource}, one per supported connection option, so
 * that pools and containers can configure it by property name ({@code serverName},
 * {@code portNumber}, {@code databaseName}, {@code user}, {@code password}, {@code sslmode} …).
 * A setter validates its value at once and throws {@link IllegalArgumentException} with the
 * configuration's message when it is bad; a getter returns the value set, else, for numbers
 * and booleans, the option's default (text properties that are not set return {@code null}).
 */
public abstract class YsqlDataSourceSetters {
    YsqlDataSourceSetters() {}

    /** Sets an option's value as text (validated), or removes it when {@code text} is null. */
    abstract void set(ConnectionOption<?> option, String text);

    /** The option's value as text, or {@code null} when it is not set. */
    abstract String value(ConnectionOption<?> option);

    /** Option {@code application_name}: Name shown in pg_stat_activity and the server log. */
    public void setApplicationName(String value) {
        set(Options.APPLICATION_NAME, value);
    }

    /** The value of option {@code application_name}; see {@link #setApplicationName}. */
    public String getApplicationName() {
        return value(Options.APPLICATION_NAME);
    }

    /**
     * Option {@code autosave}: As pgjdbc: always sets a savepoint before each statement inside a
     * transaction block (in the same write), so that a failed statement is rolled back alone and
     * the transaction goes on; conservative does so only for cached statements and re-runs one
     * whose plan went stale; never leaves a failed transaction to the application.
     */
    public void setAutosave(String value) {
        set(Options.AUTOSAVE, value);
    }

    /** The value of option {@code autosave}; see {@link #setAutosave}. */
    public String getAutosave() {
        return value(Options.AUTOSAVE);
    }

    /**
     * Option {@code cancelSignalTimeout}: pgjdbc: seconds a cancel (Statement.cancel, query
     * timeout) may take to connect, send its CancelRequest and see the server close the cancel
     * connection; 0 means 10. No request is written on the connection meanwhile.
     */
    public void setCancelSignalTimeout(int value) {
        set(Options.CANCEL_SIGNAL_TIMEOUT, Integer.toString(value));
    }

    /** The value of option {@code cancelSignalTimeout}; see {@link #setCancelSignalTimeout}. */
    public int getCancelSignalTimeout() {
        return seconds(Options.CANCEL_SIGNAL_TIMEOUT);
    }

    /**
     * Option {@code channel_binding}: SCRAM channel binding to the server certificate
     * (tls-server-end-point): prefer uses SCRAM-SHA-256-PLUS when the connection is encrypted and
     * the server offers it; require refuses every authentication that is not SCRAM-SHA-256-PLUS,
     * trust, password and md5 included, before anything derived from the password is sent; disable
     * never binds.
     */
    public void setChannelBinding(String value) {
        set(Options.CHANNEL_BINDING, value);
    }

    /** The value of option {@code channel_binding}; see {@link #setChannelBinding}. */
    public String getChannelBinding() {
        return value(Options.CHANNEL_BINDING);
    }

    /**
     * Option {@code cleanupSavepoints}: Release each autosave savepoint after its statement (in the
     * same write), so that savepoints do not pile up on the server in long transactions.
     */
    public void setCleanupSavepoints(boolean value) {
        set(Options.CLEANUP_SAVEPOINTS, Boolean.toString(value));
    }

    /** The value of option {@code cleanupSavepoints}; see {@link #setCleanupSavepoints}. */
    public boolean isCleanupSavepoints() {
        return flag(Options.CLEANUP_SAVEPOINTS);
    }

    /**
     * Option {@code client_encoding}: Client character set. The driver always speaks UTF8 to the
     * server; any other value is refused.
     */
    public void setClientEncoding(String value) {
        set(Options.CLIENT_ENCODING, value);
    }

    /** The value of option {@code client_encoding}; see {@link #setClientEncoding}. */
    public String getClientEncoding() {
        return value(Options.CLIENT_ENCODING);
    }

    /**
     * Option {@code connect_timeout}: Seconds to wait for a connection to one host to be
     * established, as in libpq: 0 or an empty value waits forever, and 1 is treated as 2.
     */
    public void setConnectTimeout(int value) {
        set(Options.CONNECT_TIMEOUT, Integer.toString(value));
    }

    /** The value of option {@code connect_timeout}; see {@link #setConnectTimeout}. */
    public int getConnectTimeout() {
        return seconds(Options.CONNECT_TIMEOUT);
    }

    /**
     * Option {@code currentSchema}: pgjdbc: schema (or comma-separated schemas) sent as the startup
     * parameter search_path.
     */
    public void setCurrentSchema(String value) {
        set(Options.CURRENT_SCHEMA, value);
    }

    /** The value of option {@code currentSchema}; see {@link #setCurrentSchema}. */
    public String getCurrentSchema() {
        return value(Options.CURRENT_SCHEMA);
    }

    /**
     * Option {@code datestyle}: Accepted for libpq compatibility (PGDATESTYLE), but not sent: the
     * driver reads dates and times as ISO text, so the session always uses DateStyle ISO.
     */
    public void setDatestyle(String value) {
        set(Options.DATESTYLE, value);
    }

    /** The value of option {@code datestyle}; see {@link #setDatestyle}. */
    public String getDatestyle() {
        return value(Options.DATESTYLE);
    }

    /** Option {@code dbname}: Database to connect to. */
    public void setDatabaseName(String value) {
        set(Options.DBNAME, value);
    }

    /** The value of option {@code dbname}; see {@link #setDatabaseName}. */
    public String getDatabaseName() {
        return value(Options.DBNAME);
    }

    /**
     * Option {@code default_fetch_size}: Fetch size every JDBC Statement starts with: with n &gt; 0
     * the rows of a query arrive in chunks of n, in autocommit mode too, so a result of any length
     * needs memory for a chunk only (see docs/streaming.md); 0 reads all rows at once.
     */
    public void setDefaultFetchSize(int value) {
        set(Options.DEFAULT_FETCH_SIZE, Integer.toString(value));
    }

    /** The value of option {@code default_fetch_size}; see {@link #setDefaultFetchSize}. */
    public int getDefaultFetchSize() {
        return integer(Options.DEFAULT_FETCH_SIZE);
    }

    /**
     * Option {@code failed_host_reconnect_delay_secs}: YugabyteDB: seconds a server that could not
     * be reached is avoided by load balancing.
     */
    public void setFailedHostReconnectDelaySecs(int value) {
        set(Options.FAILED_HOST_RECONNECT_DELAY_SECS, Integer.toString(value));
    }

    /**
     * The value of option {@code failed_host_reconnect_delay_secs}; see {@link
     * #setFailedHostReconnectDelaySecs}.
     */
    public int getFailedHostReconnectDelaySecs() {
        return integer(Options.FAILED_HOST_RECONNECT_DELAY_SECS);
    }

    /**
     * Option {@code fallback_application_name}: Application name used when application_name is not
     * set (for tools that want a default the user can override).
     */
    public void setFallbackApplicationName(String value) {
        set(Options.FALLBACK_APPLICATION_NAME, value);
    }

    /**
     * The value of option {@code fallback_application_name}; see {@link
     * #setFallbackApplicationName}.
     */
    public String getFallbackApplicationName() {
        return value(Options.FALLBACK_APPLICATION_NAME);
    }

    /**
     * Option {@code fallback_to_topology_keys_only}: YugabyteDB: fail rather than use servers
     * outside topology_keys (prefer-primary and prefer-rr ignore it).
     */
    public void setFallbackToTopologyKeysOnly(boolean value) {
        set(Options.FALLBACK_TO_TOPOLOGY_KEYS_ONLY, Boolean.toString(value));
    }

    /**
     * The value of option {@code fallback_to_topology_keys_only}; see {@link
     * #setFallbackToTopologyKeysOnly}.
     */
    public boolean isFallbackToTopologyKeysOnly() {
        return flag(Options.FALLBACK_TO_TOPOLOGY_KEYS_ONLY);
    }

    /**
     * Option {@code geqo}: Session geqo setting sent as a startup parameter (from PGGEQO, as in
     * libpq).
     */
    public void setGeqo(String value) {
        set(Options.GEQO, value);
    }

    /** The value of option {@code geqo}; see {@link #setGeqo}. */
    public String getGeqo() {
        return value(Options.GEQO);
    }

    /**
     * Option {@code host}: Host name, IP address or Unix-socket directory (a path starting with /)
     * of the server; a comma-separated list names several servers, tried in order. Unix-domain
     * sockets are not supported yet.
     */
    public void setServerName(String value) {
        set(Options.HOST, value);
    }

    /** The value of option {@code host}; see {@link #setServerName}. */
    public String getServerName() {
        return value(Options.HOST);
    }

    /**
     * Option {@code hostaddr}: Numeric IP address to connect to instead of resolving host (one per
     * host when both are lists); host is still used for TLS host-name checks and .pgpass. Without
     * host, the addresses are the hosts.
     */
    public void setHostaddr(String value) {
        set(Options.HOSTADDR, value);
    }

    /** The value of option {@code hostaddr}; see {@link #setHostaddr}. */
    public String getHostaddr() {
        return value(Options.HOSTADDR);
    }

    /**
     * Option {@code keepalives}: TCP keep-alive (SO_KEEPALIVE), as in libpq; false turns it off.
     */
    public void setKeepalives(boolean value) {
        set(Options.KEEPALIVES, Boolean.toString(value));
    }

    /** The value of option {@code keepalives}; see {@link #setKeepalives}. */
    public boolean isKeepalives() {
        return flag(Options.KEEPALIVES);
    }

    /**
     * Option {@code keepalives_count}: Lost keep-alive probes before the connection is dead
     * (TCP_KEEPCOUNT); unset or 0 keeps the system default.
     */
    public void setKeepalivesCount(int value) {
        set(Options.KEEPALIVES_COUNT, Integer.toString(value));
    }

    /** The value of option {@code keepalives_count}; see {@link #setKeepalivesCount}. */
    public int getKeepalivesCount() {
        return integer(Options.KEEPALIVES_COUNT);
    }

    /**
     * Option {@code keepalives_idle}: Seconds of inactivity before a TCP keep-alive probe
     * (TCP_KEEPIDLE); unset or 0 keeps the system default.
     */
    public void setKeepalivesIdle(int value) {
        set(Options.KEEPALIVES_IDLE, Integer.toString(value));
    }

    /** The value of option {@code keepalives_idle}; see {@link #setKeepalivesIdle}. */
    public int getKeepalivesIdle() {
        return integer(Options.KEEPALIVES_IDLE);
    }

    /**
     * Option {@code keepalives_interval}: Seconds between TCP keep-alive probes (TCP_KEEPINTERVAL);
     * unset or 0 keeps the system default.
     */
    public void setKeepalivesInterval(int value) {
        set(Options.KEEPALIVES_INTERVAL, Integer.toString(value));
    }

    /** The value of option {@code keepalives_interval}; see {@link #setKeepalivesInterval}. */
    public int getKeepalivesInterval() {
        return integer(Options.KEEPALIVES_INTERVAL);
    }

    /**
     * Option {@code load_balance}: YugabyteDB: spread connections over the servers yb_servers()
     * lists, each to the one with the fewest connections from this driver or data source; true =
     * any node type, only-primary, only-rr (read replicas), prefer-primary, prefer-rr. Plain
     * PostgreSQL gets a plain connection.
     */
    public void setLoadBalance(String value) {
        set(Options.LOAD_BALANCE, value);
    }

    /** The value of option {@code load_balance}; see {@link #setLoadBalance}. */
    public String getLoadBalance() {
        return value(Options.LOAD_BALANCE);
    }

    /**
     * Option {@code load_balance_hosts}: disable tries the hosts in the order given; random in a
     * random order (libpq 16).
     */
    public void setLoadBalanceHosts(String value) {
        set(Options.LOAD_BALANCE_HOSTS, value);
    }

    /** The value of option {@code load_balance_hosts}; see {@link #setLoadBalanceHosts}. */
    public String getLoadBalanceHosts() {
        return value(Options.LOAD_BALANCE_HOSTS);
    }

    /**
     * Option {@code max_message_size}: Largest message the server may send (a row, a COPY chunk, an
     * authentication or notification message), in bytes or with a unit (64MB); a longer announced
     * length closes the connection with SQLSTATE 08P01 before any memory is set aside for it. The
     * default is the smaller of 1 GiB (plus 1 MiB of framing) and a quarter of the JVM's maximum
     * heap. Raise it if the server really sends values this large.
     */
    public void setMaxMessageSize(String value) {
        set(Options.MAX_MESSAGE_SIZE, value);
    }

    /** The value of option {@code max_message_size}; see {@link #setMaxMessageSize}. */
    public String getMaxMessageSize() {
        return value(Options.MAX_MESSAGE_SIZE);
    }

    /**
     * Option {@code notification_queue_size}: Most LISTEN/NOTIFY notifications kept for the
     * application to take; when a new one arrives at a full queue, the oldest is dropped and a
     * WARNING is logged.
     */
    public void setNotificationQueueSize(int value) {
        set(Options.NOTIFICATION_QUEUE_SIZE, Integer.toString(value));
    }

    /**
     * The value of option {@code notification_queue_size}; see {@link #setNotificationQueueSize}.
     */
    public int getNotificationQueueSize() {
        return integer(Options.NOTIFICATION_QUEUE_SIZE);
    }

    /**
     * Option {@code options}: Command-line options sent to the server at startup, e.g. -c
     * search_path=app -c statement_timeout=5s.
     */
    public void setOptions(String value) {
        set(Options.OPTIONS, value);
    }

    /** The value of option {@code options}; see {@link #setOptions}. */
    public String getOptions() {
        return value(Options.OPTIONS);
    }

    /**
     * Option {@code passfile}: Password file with lines host:port:database:user:password (* matches
     * anything). Ignored, with a warning, when group or others may read it.
     */
    public void setPassfile(String value) {
        set(Options.PASSFILE, value);
    }

    /** The value of option {@code passfile}; see {@link #setPassfile}. */
    public String getPassfile() {
        return value(Options.PASSFILE);
    }

    /**
     * Option {@code password}: Password. When neither given nor in PGPASSWORD, it is looked up in
     * the password file (passfile) for each host; the default yugabyte applies only when that finds
     * nothing. Secret: never shown by {@code toString}.
     */
    public void setPassword(String value) {
        set(Options.PASSWORD, value);
    }

    /** The value of option {@code password}; see {@link #setPassword}. */
    public String getPassword() {
        return value(Options.PASSWORD);
    }

    /**
     * Option {@code port}: Server port; either one port for all hosts or one per host. The default
     * is YugabyteDB's YSQL port 5433.
     */
    public void setPortNumber(int value) {
        set(Options.PORT, Integer.toString(value));
    }

    /** The value of option {@code port}; see {@link #setPortNumber}. */
    public int getPortNumber() {
        return firstPort(Options.PORT);
    }

    /**
     * Option {@code prepare_threshold}: The run of a statement (same SQL text and parameter types)
     * from which it is prepared as a named statement on the server, so later runs send only Bind
     * and Execute and read binary results; 0 never prepares (every run parses an unnamed
     * statement), 1 or -1 (pgjdbc) prepares from the second run, the first one describing it. A
     * statement can set its own with YsqlStatement.setPrepareThreshold.
     */
    public void setPrepareThreshold(int value) {
        set(Options.PREPARE_THRESHOLD, Integer.toString(value));
    }

    /** The value of option {@code prepare_threshold}; see {@link #setPrepareThreshold}. */
    public int getPrepareThreshold() {
        return integer(Options.PREPARE_THRESHOLD);
    }

    /**
     * Option {@code readOnly}: Start connections read-only, as setReadOnly(true) (see
     * readOnlyMode).
     */
    public void setReadOnly(boolean value) {
        set(Options.READ_ONLY, Boolean.toString(value));
    }

    /** The value of option {@code readOnly}; see {@link #setReadOnly}. */
    public boolean isReadOnly() {
        return flag(Options.READ_ONLY);
    }

    /**
     * Option {@code readOnlyMode}: What setReadOnly(true) does, as pgjdbc: transaction opens
     * autocommit-off transactions with BEGIN READ ONLY; always also makes the session read-only in
     * autocommit mode; ignore only remembers the flag.
     */
    public void setReadOnlyMode(String value) {
        set(Options.READ_ONLY_MODE, value);
    }

    /** The value of option {@code readOnlyMode}; see {@link #setReadOnlyMode}. */
    public String getReadOnlyMode() {
        return value(Options.READ_ONLY_MODE);
    }

    /**
     * Option {@code require_auth}: Authentication methods the server may ask for, as in libpq 16:
     * e.g. scram-sha-256 (only SCRAM) or scram-sha-256,none (SCRAM, or no authentication at all);
     * or, each prefixed with !, the methods it may not ask for (e.g. !password,!md5). Plain and !
     * entries cannot be mixed, and no method may be listed twice. Unset allows every method.
     */
    public void setRequireAuth(String value) {
        set(Options.REQUIRE_AUTH, value);
    }

    /** The value of option {@code require_auth}; see {@link #setRequireAuth}. */
    public String getRequireAuth() {
        return value(Options.REQUIRE_AUTH);
    }

    /**
     * Option {@code rewrite_batched_inserts}: Send a batch (JDBC executeBatch, cursor executemany)
     * of a single-row INSERT ... VALUES (...) without RETURNING as multi-row INSERTs of up to 128
     * rows each (powers of two, at most 65535 parameters each); each row then counts
     * SUCCESS_NO_INFO unless every row of its statement was inserted (then 1).
     */
    public void setRewriteBatchedInserts(boolean value) {
        set(Options.REWRITE_BATCHED_INSERTS, Boolean.toString(value));
    }

    /**
     * The value of option {@code rewrite_batched_inserts}; see {@link #setRewriteBatchedInserts}.
     */
    public boolean isRewriteBatchedInserts() {
        return flag(Options.REWRITE_BATCHED_INSERTS);
    }

    /**
     * Option {@code socket_timeout}: Seconds a read may wait for the server's answer to a request
     * (pgjdbc's socketTimeout); when it passes the connection is closed with SQLSTATE 08006. 0 = no
     * limit. Idle waits for notifications are not bounded by it. Connection.setNetworkTimeout
     * changes it per connection.
     */
    public void setSocketTimeout(int value) {
        set(Options.SOCKET_TIMEOUT, Integer.toString(value));
    }

    /** The value of option {@code socket_timeout}; see {@link #setSocketTimeout}. */
    public int getSocketTimeout() {
        return seconds(Options.SOCKET_TIMEOUT);
    }

    /**
     * Option {@code ssl}: pgjdbc: ssl=true means sslmode=require unless sslmode is also given;
     * ssl=false has no effect.
     */
    public void setSsl(boolean value) {
        set(Options.SSL, Boolean.toString(value));
    }

    /** The value of option {@code ssl}; see {@link #setSsl}. */
    public boolean isSsl() {
        return flag(Options.SSL);
    }

    /**
     * Option {@code ssl_max_protocol_version}: Newest TLS version allowed; unset means the newest
     * the Java runtime supports. Must not be older than ssl_min_protocol_version.
     */
    public void setSslMaxProtocolVersion(String value) {
        set(Options.SSL_MAX_PROTOCOL_VERSION, value);
    }

    /**
     * The value of option {@code ssl_max_protocol_version}; see {@link #setSslMaxProtocolVersion}.
     */
    public String getSslMaxProtocolVersion() {
        return value(Options.SSL_MAX_PROTOCOL_VERSION);
    }

    /**
     * Option {@code ssl_min_protocol_version}: Oldest TLS version allowed. The Java runtime may
     * refuse TLSv1 and TLSv1.1 on its own (security property jdk.tls.disabledAlgorithms).
     */
    public void setSslMinProtocolVersion(String value) {
        set(Options.SSL_MIN_PROTOCOL_VERSION, value);
    }

    /**
     * The value of option {@code ssl_min_protocol_version}; see {@link #setSslMinProtocolVersion}.
     */
    public String getSslMinProtocolVersion() {
        return value(Options.SSL_MIN_PROTOCOL_VERSION);
    }

    /**
     * Option {@code sslcert}: Client certificate (PEM), sent when the server asks for one;
     * intermediate certificates may follow it in the file. Without the default file no client
     * certificate is sent; a file named explicitly must exist.
     */
    public void setSslcert(String value) {
        set(Options.SSLCERT, value);
    }

    /** The value of option {@code sslcert}; see {@link #setSslcert}. */
    public String getSslcert() {
        return value(Options.SSLCERT);
    }

    /**
     * Option {@code sslcrl}: PEM file of certificate revocation lists; a revoked server certificate
     * fails the chain check. With revocation lists every certificate of the chain needs a current
     * list from its issuer. The default file is used, when it exists, only if neither sslcrl nor
     * sslcrldir is set; a file named explicitly must exist.
     */
    public void setSslcrl(String value) {
        set(Options.SSLCRL, value);
    }

    /** The value of option {@code sslcrl}; see {@link #setSslcrl}. */
    public String getSslcrl() {
        return value(Options.SSLCRL);
    }

    /**
     * Option {@code sslcrldir}: Directory whose PEM certificate revocation list files are all read
     * (in addition to sslcrl).
     */
    public void setSslcrldir(String value) {
        set(Options.SSLCRLDIR, value);
    }

    /** The value of option {@code sslcrldir}; see {@link #setSslcrldir}. */
    public String getSslcrldir() {
        return value(Options.SSLCRLDIR);
    }

    /**
     * Option {@code sslkey}: Private key of the client certificate: PEM PKCS#8 (plain, or encrypted
     * with sslpassword), PKCS#1 RSA or SEC1 EC, or DER PKCS#8. Refused when group or others may
     * read it (0600 or less; 0640 for a root-owned file), as in libpq.
     */
    public void setSslkey(String value) {
        set(Options.SSLKEY, value);
    }

    /** The value of option {@code sslkey}; see {@link #setSslkey}. */
    public String getSslkey() {
        return value(Options.SSLKEY);
    }

    /**
     * Option {@code sslmode}: Whether TLS is used and how much of the server certificate is
     * checked: disable, allow, prefer (TLS if the server offers it), require, verify-ca,
     * verify-full.
     */
    public void setSslmode(String value) {
        set(Options.SSLMODE, value);
    }

    /** The value of option {@code sslmode}; see {@link #setSslmode}. */
    public String getSslmode() {
        return value(Options.SSLMODE);
    }

    /**
     * Option {@code sslnegotiation}: postgres asks the server for TLS with an SSLRequest first;
     * direct starts the TLS handshake at once, with ALPN postgresql, saving a round trip
     * (PostgreSQL 17+; only with sslmode require, verify-ca or verify-full).
     */
    public void setSslnegotiation(String value) {
        set(Options.SSLNEGOTIATION, value);
    }

    /** The value of option {@code sslnegotiation}; see {@link #setSslnegotiation}. */
    public String getSslnegotiation() {
        return value(Options.SSLNEGOTIATION);
    }

    /**
     * Option {@code sslpassword}: Passphrase of an encrypted PKCS#8 client key (sslkey). Secret:
     * never shown by {@code toString}.
     */
    public void setSslpassword(String value) {
        set(Options.SSLPASSWORD, value);
    }

    /** The value of option {@code sslpassword}; see {@link #setSslpassword}. */
    public String getSslpassword() {
        return value(Options.SSLPASSWORD);
    }

    /**
     * Option {@code sslrootcert}: PEM file of the trusted root certificates the server's
     * certificate chain is checked against. When the file exists the chain is checked in every
     * sslmode that uses TLS, as in libpq; verify-ca and verify-full fail without it. A file named
     * explicitly must exist. The value system uses the Java runtime's trusted roots and makes
     * verify-full the default sslmode (a weaker sslmode given with it is an error).
     */
    public void setSslrootcert(String value) {
        set(Options.SSLROOTCERT, value);
    }

    /** The value of option {@code sslrootcert}; see {@link #setSslrootcert}. */
    public String getSslrootcert() {
        return value(Options.SSLROOTCERT);
    }

    /**
     * Option {@code sslsni}: Send the host name as TLS Server Name Indication (SNI), unless it is
     * an IP address.
     */
    public void setSslsni(boolean value) {
        set(Options.SSLSNI, Boolean.toString(value));
    }

    /** The value of option {@code sslsni}; see {@link #setSslsni}. */
    public boolean isSslsni() {
        return flag(Options.SSLSNI);
    }

    /**
     * Option {@code statement_cache_size}: Most statements the connection remembers (run counts,
     * prepared statements and their columns); the least recently used go first, and their server
     * statements are closed. 0 remembers none, so nothing is ever prepared.
     */
    public void setStatementCacheSize(int value) {
        set(Options.STATEMENT_CACHE_SIZE, Integer.toString(value));
    }

    /** The value of option {@code statement_cache_size}; see {@link #setStatementCacheSize}. */
    public int getStatementCacheSize() {
        return integer(Options.STATEMENT_CACHE_SIZE);
    }

    /**
     * Option {@code statement_cache_size_mib}: Most memory, in MiB, the remembered statements may
     * hold, estimated from their SQL text, parameter types and columns; the least recently used go
     * first.
     */
    public void setStatementCacheSizeMib(int value) {
        set(Options.STATEMENT_CACHE_SIZE_MIB, Integer.toString(value));
    }

    /**
     * The value of option {@code statement_cache_size_mib}; see {@link #setStatementCacheSizeMib}.
     */
    public int getStatementCacheSizeMib() {
        return integer(Options.STATEMENT_CACHE_SIZE_MIB);
    }

    /**
     * Option {@code stringtype}: pgjdbc: how JDBC sends setString and setObject(String) parameters:
     * varchar types them varchar, as pgjdbc does; unspecified sends them untyped so the server
     * infers the type from the context (setString then works on uuid, integer, json or enum
     * columns). The cursor API always sends strings untyped.
     */
    public void setStringtype(String value) {
        set(Options.STRINGTYPE, value);
    }

    /** The value of option {@code stringtype}; see {@link #setStringtype}. */
    public String getStringtype() {
        return value(Options.STRINGTYPE);
    }

    /**
     * Option {@code target_session_attrs}: Which server among the hosts is acceptable, as in libpq:
     * any, read-write, read-only, primary, standby, or prefer-standby (standbys first, then any).
     * The error when none is names every host tried and why.
     */
    public void setTargetSessionAttrs(String value) {
        set(Options.TARGET_SESSION_ATTRS, value);
    }

    /** The value of option {@code target_session_attrs}; see {@link #setTargetSessionAttrs}. */
    public String getTargetSessionAttrs() {
        return value(Options.TARGET_SESSION_ATTRS);
    }

    /**
     * Option {@code timezone}: Session time zone sent as a startup parameter (libpq reads only the
     * PGTZ environment variable; the name is accepted here too).
     */
    public void setTimezone(String value) {
        set(Options.TIMEZONE, value);
    }

    /** The value of option {@code timezone}; see {@link #setTimezone}. */
    public String getTimezone() {
        return value(Options.TIMEZONE);
    }

    /**
     * Option {@code topology_keys}: YugabyteDB: with load_balance, the placements to use,
     * preference 1 first; other servers only when none of these is available.
     */
    public void setTopologyKeys(String value) {
        set(Options.TOPOLOGY_KEYS, value);
    }

    /** The value of option {@code topology_keys}; see {@link #setTopologyKeys}. */
    public String getTopologyKeys() {
        return value(Options.TOPOLOGY_KEYS);
    }

    /** Option {@code user}: Database user name. */
    public void setUser(String value) {
        set(Options.USER, value);
    }

    /** The value of option {@code user}; see {@link #setUser}. */
    public String getUser() {
        return value(Options.USER);
    }

    /**
     * Option {@code yb_servers_refresh_interval}: YugabyteDB: age in seconds after which the server
     * list (yb_servers()) is fetched again, on the next connection opened; 0 = on every connection.
     */
    public void setYbServersRefreshInterval(int value) {
        set(Options.YB_SERVERS_REFRESH_INTERVAL, Integer.toString(value));
    }

    /**
     * The value of option {@code yb_servers_refresh_interval}; see {@link
     * #setYbServersRefreshInterval}.
     */
    public int getYbServersRefreshInterval() {
        return integer(Options.YB_SERVERS_REFRESH_INTERVAL);
    }

    private <T> T typed(ConnectionOption<T> option) {
        String text = value(option);
        if (text == null || text.isEmpty()) text = option.defaultText().orElse(null);
        return text == null ? null : option.type().parse(text);
    }

    private boolean flag(ConnectionOption<Boolean> option) {
        return Boolean.TRUE.equals(typed(option));
    }

    private int integer(ConnectionOption<Integer> option) {
        Integer v = typed(option);
        return v == null ? 0 : v;
    }

    private int seconds(ConnectionOption<Duration> option) {
        Duration v = typed(option);
        return v == null ? 0 : (int) v.getSeconds();
    }

    private int firstPort(ConnectionOption<List<Integer>> option) {
        List<Integer> v = typed(option);
        return v == null || v.isEmpty() ? 0 : v.get(0);
    }
}
