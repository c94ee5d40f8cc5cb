package io.ysql.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * How to make a {@link FakeYugabyteCluster}. Defaults: three primaries on 127.0.0.1, .2 and .3 in
 * {@code aws.us-west.us-west-2a}, {@code 2b} and {@code 2c}; one free port shared by all nodes;
 * a random universe uuid; the 10-column {@code yb_servers()}; {@code version()} answering
 * {@code PostgreSQL 11.2-YB-2.20.0.0-b0 …}. Role and database are YugabyteDB's defaults:
 * superuser {@code yugabyte} with password {@code yugabyte} (SCRAM over TCP, trust on the unix
 * socket), database {@code yugabyte}. Extra postgresql.conf lines apply to every node.
 */
public record YbClusterSettings(List<YbNodeSpec> nodes, int port, String universeUuid,
                                ServersFunction serversFunction, String versionText, List<String> extraConf) {
    public static final String USER = "yugabyte";
    public static final String PASSWORD = "yugabyte";
    public static final String DATABASE = "yugabyte";
    public static final String DEFAULT_VERSION = "11.2-YB-2.20.0.0-b0";

    public YbClusterSettings {
        nodes = List.copyOf(nodes);
        if (nodes.isEmpty()) throw new IllegalArgumentException("a cluster needs at least one node");
        if (nodes.stream().map(node -> node.host() + ":" + node.port()).distinct().count() != nodes.size()) {
            throw new IllegalArgumentException("two nodes share an address: " + nodes);
        }
        if (port < 0 || port > 65_535) throw new IllegalArgumentException("port must be 0..65535: " + port);
        Objects.requireNonNull(universeUuid, "universeUuid");
        Objects.requireNonNull(serversFunction, "serversFunction");
        Objects.requireNonNull(versionText, "versionText");
        extraConf = List.copyOf(extraConf);
        for (String line : extraConf) {
            if (line.contains("\n") || line.contains("\r")) {
                throw new IllegalArgumentException("extraConf entries must be single lines: " + line);
            }
        }
    }

    public static YbClusterSettings defaults() { return builder().build(); }
    public static Builder builder() { return new Builder(); }

    /** {@code 127.0.0.<n + 1>}: the address of the n-th node (from 0) when none is given. */
    public static String loopbackAddress(int n) {
        if (n < 0 || n > 253) throw new IllegalArgumentException("n must be 0..253: " + n);
        return "127.0.0." + (n + 1);
    }

    /** Collects settings; {@link #build()} validates them. */
    public static final class Builder {
        private final List<YbNodeSpec> nodes = new ArrayList<>();
        private int port;
        private String universeUuid = UUID.randomUUID().toString();
        private ServersFunction serversFunction = ServersFunction.COLUMNS_10;
        private String versionText = DEFAULT_VERSION;
        private final List<String> extraConf = new ArrayList<>();

        private Builder() {}

        /** Adds a node. Without any, the cluster gets {@code primaries(3)}. */
        public Builder node(YbNodeSpec spec) { nodes.add(Objects.requireNonNull(spec, "spec")); return this; }

        /** Adds {@code count} primaries on the next loopback addresses, in zones us-west-2a, 2b, … in turn. */
        public Builder primaries(int count) {
            for (int i = 0; i < count; i++) {
                nodes.add(YbNodeSpec.primary(loopbackAddress(nodes.size()), Placement.usWest(i % 26)));
            }
            return this;
        }

        /** Adds {@code count} read replicas on the next loopback addresses, in {@code aws.us-east.us-east-1a}, … */
        public Builder readReplicas(int count) {
            for (int i = 0; i < count; i++) {
                Placement placement = new Placement("aws", "us-east", "us-east-1" + (char) ('a' + i % 26));
                nodes.add(YbNodeSpec.readReplica(loopbackAddress(nodes.size()), placement));
            }
            return this;
        }

        /** The port every node listens on unless its spec names another; 0 (the default) picks a free one. */
        public Builder port(int port) { this.port = port; return this; }
        public Builder universeUuid(String uuid) { this.universeUuid = uuid; return this; }
        public Builder serversFunction(ServersFunction function) { this.serversFunction = function; return this; }
        /** What {@code version()} says after {@code PostgreSQL }, e.g. {@code 15.2-YB-2.25.1.0-b0}. */
        public Builder versionText(String text) { this.versionText = text; return this; }
        public Builder addConfLine(String line) { extraConf.add(line); return this; }

        public YbClusterSettings build() {
            List<YbNodeSpec> specs = new ArrayList<>(nodes);
            if (specs.isEmpty()) {
                for (int i = 0; i < 3; i++) specs.add(YbNodeSpec.primary(loopbackAddress(i), Placement.usWest(i)));
            }
            return new YbClusterSettings(specs, port, universeUuid, serversFunction, versionText, extraConf);
        }
    }
}
