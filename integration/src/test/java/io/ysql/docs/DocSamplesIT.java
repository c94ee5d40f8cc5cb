package io.ysql.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.ysql.Ysql;
import io.ysql.YsqlConnection;
import io.ysql.jdbc.YsqlDriver;
import io.ysql.testkit.FakeYugabyteCluster;
import io.ysql.testkit.PgCluster;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every {@code ```java} block of README.md and docs/**&#47;*.md, compiled and run against a testkit
 * server (see {@link SampleSource} for how a block becomes a class, {@link DocSampleScanner} for
 * the markers). A block runs in a fresh database of the shared PostgreSQL server, its connection
 * placeholders ({@code localhost:5433}, {@code port=5433}, {@code dbname=yugabyte}, user and
 * password {@code yugabyte}) pointing there; a block marked {@code server: yugabyte} runs against
 * the fake YugabyteDB cluster, {@code db1}, {@code db2}, {@code db3} being its nodes, and one marked
 * {@code server: prepared-transactions} on a PostgreSQL server of its own that allows them. Each block
 * runs with a fresh {@code YsqlDriver} registered with {@code DriverManager}, so what it registers
 * there ends with it. A failure names the page and the line of the block.
 */
class DocSamplesIT {
    private static final DocSampleScanner SCANNER = new DocSampleScanner(DocSampleScanner.repositoryRoot());
    private static final Duration HANG = Duration.ofMinutes(2);
    private static FakeYugabyteCluster yugabyte;
    private static PgCluster preparedTransactions;

    @TempDir
    static Path work;

    @AfterAll
    static void stop() {
        if (yugabyte != null) yugabyte.close();
        if (preparedTransactions != null) preparedTransactions.stop();
    }

    @TestFactory
    Stream<DynamicTest> everyJavaBlockCompilesAndRuns() {
        List<DocSample> samples = SCANNER.samples();
        // DocSampleScannerTest checks without a server that every block is run or marked; here, that none is left out
        assertThat(samples).as("a test per ```java block").hasSize((int) SCANNER.fenceCount());
        List<DynamicTest> tests = new ArrayList<>();
        for (int i = 0; i < samples.size(); i++) {
            DocSample sample = samples.get(i);
            int index = i;
            List<DocSample> declarations = samples.subList(0, i).stream()
                    .filter(d -> d.kind() == DocSample.Kind.DECLARATIONS && d.file().equals(sample.file())).toList();
            tests.add(DynamicTest.dynamicTest(sample.where() + " " + sample.kind().name().toLowerCase(),
                    () -> assertTimeoutPreemptively(HANG, () -> check(sample, index, declarations),
                            sample.where() + " did not finish within " + HANG)));
        }
        return tests.stream();
    }

    private static void check(DocSample sample, int index, List<DocSample> declarations) throws Exception {
        switch (sample.kind()) {
            case API -> {
                List<String> problems = ApiListing.check(sample.code());
                assertThat(problems).as(sample.where() + ": the listing disagrees with the classes").isEmpty();
            }
            case COMPILE_ONLY, DECLARATIONS -> compile(sample, index, declarations, sample.code());
            case RUN -> {
                switch (sample.server()) {
                    case DocSample.YUGABYTE -> runOnYugabyte(sample, index, declarations);
                    case DocSample.PREPARED_TRANSACTIONS -> runOnPostgres(preparedTransactions(), sample, index,
                            declarations);
                    default -> runOnPostgres(PgCluster.shared(), sample, index, declarations);
                }
            }
        }
    }

    private static Class<?> compile(DocSample sample, int index, List<DocSample> declarations, String code) {
        DocSample substituted = sample.withCode(code);
        String unit = SampleSource.of(substituted, index, declarations);
        try {
            return new SampleCompiler(work).compile(SampleSource.packageName(index), unit);
        } catch (SampleCompiler.CompileError e) {
            long first = SampleSource.firstCodeLine(unit, substituted);
            StringBuilder message = new StringBuilder(sample.where() + ": the block does not compile\n");
            for (SampleCompiler.Problem p : e.problems()) {
                long docLine = p.line() - first + sample.line() + 1;
                boolean inBlock = first > 0 && p.line() >= first && p.line() - first < code.lines().count();
                message.append("  ").append(inBlock ? sample.file() + ":" + docLine : "generated line " + p.line())
                        .append(": ").append(p.message()).append('\n');
            }
            throw new AssertionError(message + "the generated source:\n" + numbered(unit));
        }
    }

    private static void runOnPostgres(PgCluster pg, DocSample sample, int index, List<DocSample> declarations)
            throws Exception {
        String db = "docs_sample_" + index;
        String host = pg.host().contains(":") ? "[" + pg.host() + "]" : pg.host();
        String code = sample.code().replace("localhost:5433/yugabyte", host + ":" + pg.port() + "/" + db)
                .replace("localhost:5433", host + ":" + pg.port())
                .replace("host=localhost", "host=" + pg.host())
                .replace("port=5433", "port=" + pg.port())
                .replace("dbname=yugabyte", "dbname=" + db);
        String url = "host=" + pg.host() + " port=" + pg.port() + " dbname=" + db + " user=" + pg.superuser()
                + " password=" + pg.superuserPassword();
        Class<?> compiled = compile(sample, index, declarations, code);
        pg.psql("DROP DATABASE IF EXISTS " + db + ";\nCREATE DATABASE " + db + ";");
        try {
            run(sample, compiled, url);
        } finally {
            pg.psql("DROP DATABASE IF EXISTS " + db + " WITH (FORCE);");
        }
    }

    private static void runOnYugabyte(DocSample sample, int index, List<DocSample> declarations) throws Exception {
        FakeYugabyteCluster cluster = yugabyte();
        String code = sample.code();
        for (int n = 1; n <= cluster.nodes().size(); n++) {
            code = code.replaceAll("\\bdb" + n + "\\b", cluster.node(n - 1).host());
        }
        code = code.replace(":5433", ":" + cluster.port()).replace("port=5433", "port=" + cluster.port());
        String url = "host=" + cluster.node(0).host() + " port=" + cluster.port() + " dbname=" + cluster.database()
                + " user=" + cluster.user() + " password=" + cluster.password();
        run(sample, compile(sample, index, declarations, code), url);
    }

    private static synchronized PgCluster preparedTransactions() {
        if (preparedTransactions == null) {
            preparedTransactions = PgCluster.start(PgCluster.Settings.builder()
                    .addConfLine("max_prepared_transactions = 10").build());
        }
        return preparedTransactions;
    }

    private static synchronized FakeYugabyteCluster yugabyte() {
        if (yugabyte == null) yugabyte = FakeYugabyteCluster.start();
        return yugabyte;
    }

    /** Runs the block's method with its context, under a driver of its own; closes the context after. */
    private static void run(DocSample sample, Class<?> compiled, String url) throws Exception {
        List<AutoCloseable> opened = new ArrayList<>();
        List<Driver> original = DriverManager.drivers().filter(d -> d instanceof YsqlDriver).toList();
        YsqlDriver own = new YsqlDriver();
        for (Driver d : original) DriverManager.deregisterDriver(d);
        DriverManager.registerDriver(own);
        try {
            if (sample.setup() != null) {
                try (YsqlConnection c = Ysql.connect(url); Statement st = c.createStatement()) {
                    st.execute(sample.setup());
                }
            }
            Object[] args = new Object[sample.context().size()];
            for (int i = 0; i < args.length; i++) args[i] = provide(sample, sample.context().get(i), url, opened);
            Method method = compiled.getMethod(SampleSource.METHOD, parameterTypes(compiled));
            try {
                method.invoke(null, args);
            } catch (InvocationTargetException e) {
                Throwable cause = e.getCause();
                throw new AssertionError(sample.where() + ": the block failed when run: " + cause, cause);
            }
        } finally {
            Collections.reverse(opened);
            for (AutoCloseable c : opened) c.close();
            DriverManager.deregisterDriver(own);
            for (Driver d : original) DriverManager.registerDriver(d);
        }
    }

    private static Class<?>[] parameterTypes(Class<?> compiled) {
        for (Method m : compiled.getMethods()) {
            if (m.getName().equals(SampleSource.METHOD)) return m.getParameterTypes();
        }
        throw new IllegalStateException("no method " + SampleSource.METHOD + " in " + compiled);
    }

    /** A value for a context variable, by its type; what is opened is added to {@code opened}. */
    private static Object provide(DocSample sample, DocSample.Variable v, String url, List<AutoCloseable> opened)
            throws SQLException {
        YsqlConnection conn = opened.stream().filter(YsqlConnection.class::isInstance).map(YsqlConnection.class::cast)
                .findFirst().orElse(null);
        if (conn == null && !v.type().equals("String")) {
            conn = Ysql.connect(url);
            opened.add(conn);
        }
        return switch (v.type()) {
            case "YsqlConnection", "Connection" -> conn;
            case "Cursor" -> add(opened, conn.cursor());
            case "Statement" -> add(opened, conn.createStatement());
            case "String" -> url;
            default -> throw new IllegalStateException(sample.where() + ": the test cannot provide a " + v.type()
                    + " (it provides YsqlConnection, Connection, Cursor, Statement and the String conninfo)");
        };
    }

    private static <T extends AutoCloseable> T add(List<AutoCloseable> opened, T value) {
        opened.add(value);
        return value;
    }

    private static String numbered(String unit) {
        StringBuilder out = new StringBuilder();
        String[] lines = unit.split("\n", -1);
        for (int i = 0; i < lines.length; i++) out.append(String.format("%4d  %s%n", i + 1, lines[i]));
        return out.toString();
    }
}
