package io.ysql.testkit;

/**
 * Holds the JVM's one shared {@link PgCluster}. The class-holder idiom makes the first call start
 * it, exactly once and thread-safely; a failed start is kept too, so every later call fails with
 * the same cause instead of retrying a slow start in every test.
 */
final class SharedCluster {
    private SharedCluster() {}

    private static final class Holder {
        static final Object CLUSTER_OR_FAILURE = attempt();

        private static Object attempt() {
            try {
                return ClusterLauncher.launch(PgCluster.Settings.defaults(), true);
            } catch (RuntimeException e) {
                return e;
            }
        }
    }

    static PgCluster get() {
        Object outcome = Holder.CLUSTER_OR_FAILURE;
        if (outcome instanceof PgCluster cluster) return cluster;
        RuntimeException failure = (RuntimeException) outcome;
        throw new IllegalStateException("the shared PostgreSQL cluster could not be started: "
                + failure.getMessage(), failure);
    }
}
