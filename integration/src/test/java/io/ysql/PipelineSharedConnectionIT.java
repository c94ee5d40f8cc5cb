package io.ysql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.ysql.testkit.PgCluster;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A pipeline on a connection other threads use at the same time: their statements are never
 * interleaved into the pipeline's statements between two syncs, and everyone gets their own
 * answers. Timeouts only catch a hang.
 */
class PipelineSharedConnectionIT {
    private static final String T = "pipeline_shared_it.log";
    private static PgCluster cluster;

    @BeforeAll
    static void schema() {
        cluster = PgCluster.shared();
        cluster.psql("DROP SCHEMA IF EXISTS pipeline_shared_it CASCADE; CREATE SCHEMA pipeline_shared_it; "
                + "CREATE TABLE " + T + " (id int PRIMARY KEY, seq serial)");
    }

    @Test
    void anotherThreadsStatementWaitsForTheSyncAndRunsAfterThePipeline() {
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            try (YsqlConnection conn = Ysql.connect(cluster.conninfo(cluster.superuser(), cluster.superuserPassword()));
                 Pipeline p = conn.pipeline()) {
                p.execute("INSERT INTO " + T + " (id) VALUES (1)");
                Thread other = new Thread(() -> {
                    try (Statement s = conn.createStatement()) {
                        s.executeUpdate("INSERT INTO " + T + " (id) VALUES (100)");
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
                other.start();
                while (other.getState() != Thread.State.WAITING && other.isAlive()) Thread.onSpinWait();
                assertThat(other.isAlive()).isTrue(); // it waits for the pipeline's sync
                p.execute("INSERT INTO " + T + " (id) VALUES (2)");
                p.sync();
                other.join();
            }
        });
        // the other thread's insert ran after both of the pipeline's: nothing was interleaved
        assertThat(cluster.psql("SELECT string_agg(id::text, ',' ORDER BY seq) FROM " + T + " WHERE id IN (1, 2, 100)"))
                .isEqualTo("1,2,100");
    }

    @Test
    void pipelinesAndPointSelectsOfManyThreadsOnOneConnectionAllGetTheirAnswers() {
        assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
            try (YsqlConnection conn = Ysql.connect(cluster.conninfo(cluster.superuser(), cluster.superuserPassword()))) {
                ExecutorService pool = Executors.newFixedThreadPool(8);
                AtomicBoolean stop = new AtomicBoolean();
                List<Future<Integer>> selects = new ArrayList<>();
                for (int t = 0; t < 6; t++) {
                    int base = t * 1_000_000;
                    selects.add(pool.submit(() -> {
                        int n = 0;
                        try (PreparedStatement ps = conn.prepareStatement("SELECT ?::int + 1")) {
                            while (!stop.get() || n < 200) {
                                ps.setInt(1, base + n);
                                try (ResultSet rs = ps.executeQuery()) {
                                    rs.next();
                                    assertThat(rs.getInt(1)).isEqualTo(base + n + 1);
                                }
                                n++;
                            }
                        }
                        return n;
                    }));
                }
                List<Future<Integer>> pipelines = new ArrayList<>();
                for (int t = 0; t < 2; t++) {
                    int base = t * 1_000_000;
                    pipelines.add(pool.submit(() -> {
                        int n = 0;
                        try (Pipeline p = conn.pipeline()) {
                            for (int round = 0; round < 50; round++) {
                                List<PipelineResult> rs = new ArrayList<>();
                                for (int i = 0; i < 100; i++) rs.add(p.execute("SELECT %s::int * 2", base + n + i));
                                p.sync();
                                for (int i = 0; i < 100; i++) assertThat(rs.get(i).first().get(0)).isEqualTo(2 * (base + n + i));
                                n += 100;
                            }
                        }
                        return n;
                    }));
                }
                for (Future<Integer> f : pipelines) assertThat(f.get()).isEqualTo(5000);
                stop.set(true);
                for (Future<Integer> f : selects) assertThat(f.get()).isGreaterThanOrEqualTo(200);
                pool.shutdown();
                assertThat(conn.isValid(5)).isTrue();
            }
        });
    }
}
