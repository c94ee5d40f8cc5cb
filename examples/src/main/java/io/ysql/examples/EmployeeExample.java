package io.ysql.examples;

import io.ysql.Cursor;
import io.ysql.Row;
import io.ysql.Ysql;
import io.ysql.YsqlConnection;
import java.util.List;

/**
 * The seed example with the psycopg-style API: create the {@code employee} table, insert a row,
 * select it back and print it. Runs against whatever listens on localhost:5433; when nothing
 * does, it starts a throwaway PostgreSQL there with the YugabyteDB defaults and removes it after.
 */
public final class EmployeeExample {
    private EmployeeExample() {}

    public static void main(String[] args) throws Exception {
        SeedServer.around(EmployeeExample::run);
    }

    static void run() throws Exception {
        try (YsqlConnection conn = Ysql.connect("dbname=yugabyte host=localhost port=5433 user=yugabyte password=yugabyte");
             Cursor cur = conn.cursor()) {
            cur.execute("CREATE TABLE IF NOT EXISTS employee (id int PRIMARY KEY, name varchar, age int, language varchar)");
            cur.execute("INSERT INTO employee (id, name, age, language) VALUES (%s, %s, %s, %s) ON CONFLICT (id) DO NOTHING",
                    1, "John", 35, "Java");
            cur.execute("SELECT id, name, age, language FROM employee");
            List<Row> rows = cur.fetchall();
            for (Row row : rows) {
                System.out.println("Query returned: " + row.get(0) + ", " + row.get(1) + ", " + row.get(2));
            }
        }
    }
}
