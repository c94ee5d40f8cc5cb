package io.ysql.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Generates {@code docs/coming-from-pgjdbc.md}: every pgjdbc connection property with what this
 * driver does with it — the option it maps to (same name, an alias, or the libpq name), accepted
 * without effect, or refused with the reason — read from the declarations in {@link Options}, then
 * the pgjdbc classes and methods and their counterparts here. The property list is pgjdbc's
 * {@code PGProperty} names plus every option this driver declares as pgjdbc's, so a declaration
 * can never be left out. Regenerate with {@link #REGENERATE}.
 */
final class PgjdbcGuide {
    static final String REGENERATE = "mvn -q -B -o -pl driver test -Dtest=PgjdbcGuideTest -Dysql.regenerate=true";

    /** pgjdbc's connection property names (PGProperty, 42.7). */
    static final List<String> PGJDBC_PROPERTIES = List.of("adaptiveFetch", "adaptiveFetchMaximum",
            "adaptiveFetchMinimum", "allowEncodingChanges", "ApplicationName", "assumeMinServerVersion",
            "authenticationPluginClassName", "autosave", "binaryTransfer", "binaryTransferDisable",
            "binaryTransferEnable", "cancelSignalTimeout", "channelBinding", "cleanupSavepoints", "connectTimeout",
            "convertBooleanToNumeric", "currentSchema", "databaseMetadataCacheFields", "databaseMetadataCacheFieldsMiB",
            "defaultRowFetchSize", "disableColumnSanitiser", "escapeSyntaxCallMode", "groupStartupParameters",
            "gssEncMode", "gsslib", "gssResponseTimeout", "gssUseDefaultCreds", "hideUnprivilegedObjects",
            "hostRecheckSeconds", "jaasApplicationName", "jaasLogin", "kerberosServerName", "loadBalanceHosts",
            "localSocketAddress", "loggerFile", "loggerLevel", "loginTimeout", "logServerErrorDetail",
            "logUnclosedConnections", "maxResultBuffer", "maxSendBufferSize", "options", "password", "PGDBNAME",
            "PGHOST", "PGPORT", "preferQueryMode", "preparedStatementCacheQueries", "preparedStatementCacheSizeMiB",
            "prepareThreshold", "protocolVersion", "quoteReturningIdentifiers", "readOnly", "readOnlyMode",
            "receiveBufferSize", "replication", "reWriteBatchedInserts", "sendBufferSize", "service", "socketFactory",
            "socketFactoryArg", "socketTimeout", "ssl", "sslcert", "sslfactory", "sslfactoryarg", "sslhostnameverifier",
            "sslkey", "sslmode", "sslNegotiation", "sslpassword", "sslpasswordcallback", "sslResponseTimeout",
            "sslrootcert", "sspiServiceClass", "stringtype", "targetServerType", "tcpKeepAlive", "tcpNoDelay",
            "unknownLength", "user", "useSpnego", "xmlFactoryFactory");

    /** pgjdbc classes and methods, and what to use here. */
    private static final String[][] API = {
        {"`org.postgresql.Driver`", "`io.ysql.jdbc.YsqlDriver`; URLs `jdbc:postgresql:`, `jdbc:ysql:` and "
                + "`jdbc:yugabytedb:` are all accepted"},
        {"`PGSimpleDataSource`", "`io.ysql.jdbc.YsqlDataSource` (setters for every option, `setUrl`, `setProperty`)"},
        {"`PGConnectionPoolDataSource`, `PGXADataSource`", "the pooled and XA variants of `YsqlDataSource`; see "
                + "docs/transactions.md"},
        {"`PGConnection` (`conn.unwrap(PGConnection.class)`)", "`conn.unwrap(io.ysql.YsqlConnection.class)`"},
        {"`PGConnection.getNotifications()`", "LISTEN/NOTIFY; see docs/notifications.md"},
        {"`PGConnection.getCopyAPI()`, `CopyManager`", "the COPY API; see docs/copy.md"},
        {"`PGConnection.addDataType`, `PGobject`", "`YsqlConnection.registerCodec(io.ysql.types.Codec)`"},
        {"`PGConnection.escapeIdentifier`, `escapeLiteral`", "`io.ysql.Sql.identifier(...)`, `Sql.literal(...)` "
                + "(composition with quoting)"},
        {"`PGConnection.getBackendPID()`", "`YsqlConnection.backendProcessId()`"},
        {"`PGConnection.getParameterStatuses()`", "`YsqlConnection.serverParameters()`"},
        {"`PGConnection.cancelQuery()`", "`Statement.cancel()`"},
        {"`PGConnection.getLargeObjectAPI()`, `getFastpathAPI()`, `getReplicationAPI()`", "not supported"},
        {"`PGStatement.setPrepareThreshold`", "not needed: statements are prepared and cached automatically"},
        {"`PGInterval`", "`io.ysql.types.Interval`"},
        {"`PGpoint`, `PGbox`, `PGcircle`, `PGline`, `PGlseg`, `PGpath`, `PGpolygon`", "`io.ysql.types.Point`, `Box`, "
                + "`Circle`, `Line`, `LineSegment`, `Path`, `Polygon`"},
        {"`PSQLException`, `ServerErrorMessage`", "`SQLException` (with a real SQLSTATE); every server error field in "
                + "`io.ysql.error.ServerError`, through `io.ysql.error.HasServerError`"},
        {"`PSQLState`", "`io.ysql.error.SqlState` (every SQLSTATE of PostgreSQL's errcodes.txt)"},
        {"`PGProperty`", "`io.ysql.config.Options` (every option, declared once; docs/options.md)"},
        {"`org.postgresql.util.HostSpec`, `targetServerType`", "`io.ysql.config.HostSpec`; `target_session_attrs`"},
        {"pgjdbc's `java.util.logging` loggers `org.postgresql`", "`System.Logger` loggers named after the packages, "
                + "`io.ysql.*` (connect at DEBUG, statements at TRACE, wire trace `io.ysql.internal.wire` at TRACE); "
                + "`io.ysql.YsqlListener` for metrics and tracing"},
    };

    private PgjdbcGuide() {}

    /** pgjdbc's names and every name this driver declares as pgjdbc's, sorted ignoring case. */
    static List<String> names() {
        TreeSet<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        names.addAll(PGJDBC_PROPERTIES);
        for (ConnectionOption<?> o : Options.all()) {
            if (o.doc().startsWith("pgjdbc:")) names.add(o.name());
        }
        return new ArrayList<>(names);
    }

    static String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("<!-- Generated from Options.java by PgjdbcGuide; do not edit. Regenerate with:\n     ")
                .append(REGENERATE).append(" -->\n\n");
        md.append("# Coming from pgjdbc\n\n");
        md.append("ysql-driver accepts pgjdbc's URLs (`jdbc:postgresql://host:port/db?prop=value`) and property names, "
                + "so most applications switch by changing the driver class or dependency. Option names are matched "
                + "exactly, then ignoring case. Below, every pgjdbc connection property and what it does here: "
                + "**same** (same meaning), **→ name** (the same setting under its libpq name; both spellings work), "
                + "**accepted, no effect** (parsed and validated, then ignored: the behaviour is built in or not "
                + "offered), or **refused** (a connection with it fails, with the reason). Run "
                + "`java -jar ysql-driver.jar check \"<your URL>\"` to see how a URL is understood.\n\n");
        md.append("## Connection properties\n\n| pgjdbc property | here | notes |\n|---|---|---|\n");
        for (String name : names()) {
            Optional<ConnectionOption<?>> o = Options.byName(name);
            String here;
            String notes;
            if (o.isEmpty()) {
                here = "not recognized";
                notes = "a connection with it fails as an unknown option";
            } else {
                ConnectionOption<?> opt = o.get();
                here = switch (opt.status()) {
                    case SUPPORTED -> opt.name().equals(name) ? "same" : "→ `" + opt.name() + "`";
                    case IGNORED -> "accepted, no effect";
                    case REJECTED -> "refused";
                };
                notes = firstSentence(opt.doc());
            }
            md.append("| `").append(name).append("` | ").append(here).append(" | ").append(notes.replace("|", "\\|"))
                    .append(" |\n");
        }
        md.append("\n## Classes and methods\n\n| pgjdbc | here |\n|---|---|\n");
        for (String[] row : API) md.append("| ").append(row[0]).append(" | ").append(row[1]).append(" |\n");
        return md.toString();
    }

    private static String firstSentence(String doc) {
        String d = doc.startsWith("pgjdbc: ") ? doc.substring("pgjdbc: ".length()) : doc;
        int end = d.indexOf(". ");
        return end < 0 ? d : d.substring(0, end + 1);
    }
}
