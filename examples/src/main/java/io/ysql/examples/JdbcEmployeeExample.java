package io.ysql.examples;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;

/** The seed example through plain JDBC: {@code DriverManager} and a {@code jdbc:ysql:} URL. */
public final class JdbcEmployeeExample {
    private JdbcEmployeeExample() {}

    public static void main(String[] args) throws Exception {
        SeedServer.around(JdbcEmployeeExample::run);
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
