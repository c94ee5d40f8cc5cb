package io.ysql.testkit;

/**
 * Holds the JVM's shared {@link PgCluster}s: the plain one and the TLS one. The class-holder
 * idiom makes the first call start each, exactly once and thread-safely; a failed start is kept
 * too, so every later call fails with the same cause instead of retrying a slow start in every
 * test.
 */
final class SharedCluster {
    private SharedCluster() {}

    private static final class Holder {
        static final Object CLUSTER_OR_FAILURE = attempt();

        private static Object attempt() {
            return SharedCluster.attempt(PgCluster.Settings.defaults());
        }
    }

    private static final class TlsHolder {
        static final Object CLUSTER_OR_FAILURE = attempt();

        private static Object attempt() {
            return SharedCluster.attempt(PgCluster.Settings.builder().ssl(ServerCertKind.SERVER).build());
        }
    }

    static PgCluster get() {
        return cluster(Holder.CLUSTER_OR_FAILURE, "shared PostgreSQL cluster");
    }

    static PgCluster getTls() {
        return cluster(TlsHolder.CLUSTER_OR_FAILURE, "shared TLS PostgreSQL cluster");
    }

    private static Object attempt(PgCluster.Settings settings) {
        try {
            return ClusterLauncher.launch(settings, true);
        } catch (RuntimeException e) {
            return e;
        }
    }

    private static PgCluster cluster(Object outcome, String what) {
        if (outcome instanceof PgCluster cluster) return cluster;
        RuntimeException failure = (RuntimeException) outcome;
        throw new IllegalStateException("the " + what + " could not be started: " + failure.getMessage(), failure);
    }
}
