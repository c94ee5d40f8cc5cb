package io.ysql.errors;

import static org.assertj.core.api.Assertions.assertThat;

import io.ysql.error.ServerError;
import io.ysql.error.SqlExceptions;
import io.ysql.error.SqlState;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ErrorsTest {

    @ParameterizedTest
    @CsvSource({
        "23505, UniqueViolation, IntegrityError",
        "23503, ForeignKeyViolation, IntegrityError",
        "40001, SerializationFailure, TransactionRollbackError",
        "40P01, DeadlockDetected, TransactionRollbackError",
        "57014, QueryCanceled, QueryCanceledError",
        "42P01, UndefinedTable, ProgrammingError",
        "42601, SyntaxError, ProgrammingError",
        "22012, DivisionByZero, DataError",
        "08006, ConnectionFailure, OperationalError",
        "0A000, FeatureNotSupported, NotSupportedError",
        "25P02, InFailedSqlTransaction, InternalError",
        "XX000, InternalServerError, InternalError",
        "53100, DiskFull, OperationalError",
    })
    void eachSqlStateHasItsClassUnderItsCategory(String state, String simpleName, String category) throws Exception {
        Error e = Errors.from(SqlExceptions.of(state, "boom"));
        assertThat(e.getClass().getSimpleName()).isEqualTo(simpleName);
        assertThat(Class.forName("io.ysql.errors." + category)).isAssignableFrom(e.getClass());
        assertThat((Throwable) e).isInstanceOf(DatabaseError.class).isInstanceOf(SQLException.class);
        assertThat(e.pgcode()).isEqualTo(state);
        assertThat(e.getMessage()).isEqualTo("boom");
        assertThat(Errors.lookup(state)).isSameAs(e.getClass());
    }

    @Test
    void aCodeOfAClassGoesUnderItsClassLevelCode() {
        assertThat((Throwable) Errors.from(SqlExceptions.of("23505", "x"))).isInstanceOf(IntegrityConstraintViolation.class);
        assertThat((Throwable) Errors.from(SqlExceptions.of("22012", "x"))).isInstanceOf(DataException.class);
    }

    @Test
    void anUnknownCodeBecomesItsCategory() {
        Error e = Errors.from(SqlExceptions.of("40XYZ", "restart read required"));
        assertThat(e.getClass()).isSameAs(TransactionRollbackError.class);
        assertThat(e.pgcode()).isEqualTo("40XYZ");
        assertThat(Errors.from(SqlExceptions.of("ZZ123", "odd")).getClass()).isSameAs(DatabaseError.class);
        assertThat(Errors.lookup("ZZ123")).isNull();
        assertThat(Errors.from(new SQLException("no state")).getClass()).isSameAs(InterfaceError.class);
    }

    @Test
    void diagCarriesEveryServerFieldAndPgerrorReadsLikePsql() {
        Map<Character, String> f = new HashMap<>();
        f.put('S', "ERROR");
        f.put('V', "ERROR");
        f.put('C', "23505");
        f.put('M', "duplicate key value violates unique constraint \"t_pkey\"");
        f.put('D', "Key (id)=(1) already exists.");
        f.put('n', "t_pkey");
        f.put('t', "t");
        SQLException jdbc = SqlExceptions.fromServer(new ServerError(f));
        Error e = Errors.from(jdbc);
        assertThat((Throwable) e).isInstanceOf(UniqueViolation.class);
        assertThat(e.getCause()).isSameAs(jdbc);
        assertThat(e.diag().constraint()).isEqualTo("t_pkey");
        assertThat(e.diag().table()).isEqualTo("t");
        assertThat(e.pgerror()).isEqualTo("ERROR:  duplicate key value violates unique constraint \"t_pkey\"\n"
                + "DETAIL:  Key (id)=(1) already exists.");
        assertThat(e.serverError()).isSameAs(e.diag());
    }

    @Test
    void anErrorAlreadyOfTheHierarchyIsKept() {
        Error e = new ProgrammingError("misuse", SqlState.INVALID_PARAMETER_VALUE, null, null);
        assertThat((Throwable) Errors.from(e)).isSameAs(e);
        assertThat(e.diag().sqlState()).isEqualTo("22023");
        assertThat(e.diag().message()).isEqualTo("misuse");
    }

    @Test
    void everyGeneratedCodeIsInTheTableAndEverySqlStateConstantHasAClass() throws Exception {
        for (Field f : io.ysql.error.SqlState.class.getFields()) {
            if (!Modifier.isStatic(f.getModifiers())) continue;
            String code = (String) f.get(null);
            if (List.of("00", "01", "02").contains(code.substring(0, 2))) continue;
            Class<? extends Error> c = Errors.lookup(code);
            assertThat(c).as(code).isNotNull();
            assertThat(c.getField("SQLSTATE").get(null)).as(code).isEqualTo(code);
        }
    }

    @Test
    void theGeneratedFilesAreUpToDateWithTheGenerator() throws Exception {
        Path errcodes = Path.of("/usr/share/postgresql/15/errcodes.txt");
        if (!Files.exists(errcodes)) return; // the SqlState cross-check above still runs
        Path out = Files.createTempDirectory("ysql-errors");
        Process p = new ProcessBuilder("python3", "../tools/gen-errors.py", errcodes.toString(), out.toString())
                .inheritIO().start();
        assertThat(p.waitFor()).isZero();
        try (Stream<Path> files = Files.list(out)) {
            for (Path generated : files.toList()) {
                Path committed = Path.of("src/main/java/io/ysql/errors").resolve(generated.getFileName());
                assertThat(Files.readString(committed)).as(committed.toString()).isEqualTo(Files.readString(generated));
            }
        }
    }
}
