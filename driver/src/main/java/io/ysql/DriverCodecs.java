package io.ysql;

import io.ysql.error.SqlExceptions;
import io.ysql.error.SqlState;
import io.ysql.types.Codec;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The user codecs a driver registers with every connection it opens, the driver-wide level of
 * {@link YsqlConnection#registerCodec} (a data source's, a connection's and a cursor's codecs win
 * over these). There is no global state: every {@code YsqlDriver} instance owns one, and
 * {@link Ysql#connect} uses the one of the {@code YsqlDriver} registered with {@code
 * DriverManager} ({@link Ysql#registerCodec}). Thread-safe; a codec registered while connections
 * are open applies to the connections opened after it.
 */
public final class DriverCodecs {
    private final List<Codec<?>> codecs = new CopyOnWriteArrayList<>();

    /** What owns a {@link DriverCodecs}: {@code YsqlDriver}. */
    public interface Owner {
        /** The codecs this owner registers with every connection it opens. */
        DriverCodecs driverCodecs();
    }

    /** Registers {@code codec} with every connection opened from now on; a later one for the same type wins. */
    public void register(Codec<?> codec) throws SQLException {
        if (codec == null || codec.typeName() == null || codec.javaType() == null) {
            throw SqlExceptions.of(SqlState.INVALID_PARAMETER_VALUE, "the codec must not be null and must name a "
                    + "type (typeName()) and a Java class (javaType())");
        }
        codecs.add(codec);
    }

    /** The registered codecs, in the order they were registered. */
    public List<Codec<?>> codecs() {
        return List.copyOf(codecs);
    }

    /** Registers every codec with {@code connection}, and returns it; closes it when one cannot be registered. */
    public YsqlConnection applyTo(YsqlConnection connection) throws SQLException {
        List<Codec<?>> now = codecs();
        if (now.isEmpty()) return connection;
        try {
            for (Codec<?> codec : now) connection.registerCodec(codec);
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
        return connection;
    }
}
