package io.ysql.testkit;

/**
 * Which {@code yb_servers()} a {@link FakeYugabyteCluster} serves: the current 10-column form,
 * the older 9- and 8-column forms of earlier YugabyteDB releases, none at all (as plain
 * PostgreSQL or a very old YugabyteDB: calls fail with 42883), or one that raises (a refresh
 * query that fails with XX000).
 */
public enum ServersFunction {
    /** host, port, num_connections, node_type, cloud, region, zone, public_ip, uuid, universe_uuid. */
    COLUMNS_10(10),
    /** Without {@code universe_uuid} (releases before 2024.1.6 / 2024.2.3 / 2.25.2). */
    COLUMNS_9(9),
    /** Without {@code uuid} and {@code universe_uuid}. */
    COLUMNS_8(8),
    /** No function: {@code SELECT * FROM yb_servers()} fails with 42883 (undefined_function). */
    ABSENT(0),
    /** The 10-column signature whose body raises XX000 on every call. */
    FAILING(10);

    private final int columns;

    ServersFunction(int columns) {
        this.columns = columns;
    }

    /** How many columns the function returns; 0 when there is none. */
    public int columns() { return columns; }
}
