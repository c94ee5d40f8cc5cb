package io.ysql.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The one JSON document every node of a {@link FakeYugabyteCluster} reads its {@code yb_servers()}
 * rows from: the universe uuid and one entry per node, with {@code "listed": false} for a node
 * that runs but is hidden from the function. Written to a temporary file and renamed over the old
 * one, so a concurrent {@code pg_read_file} sees either the old or the new document, never half.
 */
record TopologyDocument(String universeUuid, List<Row> rows) {

    /** One node's entry. */
    record Row(String host, int port, NodeType nodeType, Placement placement, String publicIp, String uuid,
               boolean listed) {}

    TopologyDocument {
        rows = List.copyOf(rows);
    }

    /** The document as JSON text. */
    String json() {
        String servers = rows.stream().map(TopologyDocument::json).collect(Collectors.joining(",\n    "));
        return "{\"universe_uuid\": " + string(universeUuid) + ",\n  \"servers\": [\n    " + servers + "]}\n";
    }

    /** Replaces {@code file} atomically with this document. */
    void writeTo(Path file) {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.writeString(temporary, json(), StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the topology document " + file, e);
        }
    }

    private static String json(Row row) {
        return "{\"host\": " + string(row.host()) + ", \"port\": " + row.port()
                + ", \"node_type\": " + string(row.nodeType().column())
                + ", \"cloud\": " + string(row.placement().cloud())
                + ", \"region\": " + string(row.placement().region())
                + ", \"zone\": " + string(row.placement().zone())
                + ", \"public_ip\": " + string(row.publicIp())
                + ", \"uuid\": " + string(row.uuid())
                + ", \"listed\": " + row.listed() + "}";
    }

    /** A JSON string; the values are host names, placements and uuids, so only the basics are escaped. */
    static String string(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) out.append(String.format("\\u%04x", (int) c));
                    else out.append(c);
                }
            }
        }
        return out.append('"').toString();
    }
}
