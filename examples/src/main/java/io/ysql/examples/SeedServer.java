package io.ysql.examples;

import io.ysql.testkit.DemoServer;
import io.ysql.testkit.PgCluster;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs an example against localhost:5433, first starting a throwaway PostgreSQL there with the
 * YugabyteDB defaults when nothing listens, and removing it afterwards.
 */
final class SeedServer {
    private SeedServer() {}

    interface Example {
        void run() throws Exception;
    }

    static void around(Example example) throws Exception {
        Logger.getLogger("io.ysql.testkit").setLevel(Level.WARNING); // the line below says what happened
        Optional<PgCluster> demo = DemoServer.startIfNothingListens("localhost", 5433);
        demo.ifPresent(c -> System.out.println("Nothing listens on localhost:5433: started a throwaway PostgreSQL "
                + c.majorVersion() + " there (user, password and database yugabyte); it is removed on exit."));
        try {
            example.run();
        } finally {
            demo.ifPresent(PgCluster::close);
        }
    }
}
