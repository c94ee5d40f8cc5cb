/**
 * ysql-driver: a JDBC 4.2 driver and a psycopg-style cursor API for YugabyteDB YSQL and
 * PostgreSQL. No dependencies beyond the JDK.
 */
module io.ysql {
    requires transitive java.sql;
    requires java.logging;
    requires java.naming;
    requires java.xml;
    requires jdk.net;

    exports io.ysql;
    exports io.ysql.jdbc;
    exports io.ysql.config;
    exports io.ysql.error;
    exports io.ysql.types;
    exports io.ysql.errors;

    provides java.sql.Driver with io.ysql.jdbc.YsqlDriver;
}
