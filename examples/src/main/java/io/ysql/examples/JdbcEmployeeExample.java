package io.ysql.examples;

import io.ysql.testkit.DemoServer;
import io.ysql.testkit.PgCluster;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The seed example through plain JDBC: {@code DriverManager} and a {@code jdbc:ysql:} URL. */
public final class JdbcEmployeeExample {
    private JdbcEmployeeExample() {}

    public static void main(String[] args) throws Exception {
        Logger.getLogger("io.ysql.testkit").setLevel(Level.WARNING); // the line below says what happened
        Optional<PgCluster> demo = DemoServer.startIfNothingListens("localhost", 5433);
        demo.ifPresent(c -> System.out.println("Nothing listens on localhost:5433: started a throwaway PostgreSQL "
                + c.majorVersion() + " there (user, password and database yugabyte); it is removed on exit."));
        try {
            run();
        } finally {
            demo.ifPresent(PgCluster::close);
        }
    }

    static void run() throws Exception {
        try (Connection conn = DriverManager.getConnection("jdbc:ysql://localhost:5433/yugabyte", "yugabyte", "yugabyte")) {
            try (Statement st = conn.createStatement()) {
                st.execute("CREATE TABLE IF NOT EXISTS employee (id int PRIMARY KEY, name varchar, age int, language varchar)");
            }
            try (PreparedStatement ps = conn.prepareStatement(
                    "INSERT INTO employee (id, name, age, language) VALUES (?, ?, ?, ?) ON CONFLICT (id) DO NOTHING")) {
                ps.setInt(1, 1);
                ps.setString(2, "John");
                ps.setInt(3, 35);
                ps.setString(4, "Java");
                ps.executeUpdate();
            }
            try (Statement st = conn.createStatement();
                 ResultSet rs = st.executeQuery("SELECT id, name, age, language FROM employee")) {
                while (rs.next()) {
                    System.out.println("Query returned: " + rs.getInt("id") + ", " + rs.getString("name") + ", " + rs.getInt("age"));
                }
            }
        }
    }
}
