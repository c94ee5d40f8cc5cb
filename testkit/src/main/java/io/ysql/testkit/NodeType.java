package io.ysql.testkit;

/** The {@code node_type} column of a {@code yb_servers()} row. */
public enum NodeType {
    /** A node of the primary cluster: {@code primary}. */
    PRIMARY("primary"),
    /** A read-replica node: {@code read_replica} (the value YugabyteDB's code returns). */
    READ_REPLICA("read_replica");

    private final String column;

    NodeType(String column) {
        this.column = column;
    }

    /** The text {@code yb_servers()} returns for this type. */
    public String column() { return column; }
}
