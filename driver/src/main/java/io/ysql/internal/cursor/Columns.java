package io.ysql.internal.cursor;

import io.ysql.Column;
import io.ysql.error.SqlExceptions;
import io.ysql.error.SqlState;
import io.ysql.errors.Errors;
import io.ysql.internal.codec.TypeInfo;
import io.ysql.internal.codec.ValueDecoder;
import io.ysql.internal.wire.backend.RowDescription;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The columns of one result, shared by all its rows: the DB-API description, the name lookup,
 * and the decoder that turns a column's bytes into a value.
 */
final class Columns {
    final RowDescription.Field[] fields;
    final ValueDecoder decoder;
    private final List<Column> description;
    private final Map<String, Integer> byName = new HashMap<>();

    Columns(RowDescription.Field[] fields, ValueDecoder decoder) {
        this.fields = fields;
        this.decoder = decoder;
        List<Column> d = new ArrayList<>(fields.length);
        for (int i = fields.length - 1; i >= 0; i--) byName.put(fields[i].name().toLowerCase(Locale.ROOT), i);
        for (RowDescription.Field f : fields) d.add(column(f, decoder.context().type(f.typeOid()).name()));
        this.description = Collections.unmodifiableList(d);
    }

    private static Column column(RowDescription.Field f, String typeName) {
        int oid = f.typeOid();
        int mod = f.typeModifier();
        int display = TypeInfo.displaySize(oid, mod);
        int precision = TypeInfo.precision(oid, mod);
        int scale = TypeInfo.scale(oid, mod);
        boolean numeric = isNumeric(TypeInfo.sqlType(oid));
        return new Column(f.name(), oid, typeName,
                display <= 0 || display == Integer.MAX_VALUE ? null : display,
                (int) f.typeSize(),
                numeric && precision > 0 ? precision : null,
                numeric ? scale : null,
                null);
    }

    private static boolean isNumeric(int sqlType) {
        return switch (sqlType) {
            case Types.SMALLINT, Types.INTEGER, Types.BIGINT, Types.REAL, Types.DOUBLE, Types.NUMERIC, Types.DECIMAL -> true;
            default -> false;
        };
    }

    List<Column> description() { return description; }

    int indexOf(String name) throws SQLException {
        Integer i = name == null ? null : byName.get(name.toLowerCase(Locale.ROOT));
        if (i == null) {
            throw Errors.from(SqlExceptions.of(SqlState.UNDEFINED_COLUMN, "the result has no column named \"" + name
                    + "\"; its columns are " + java.util.Arrays.stream(fields).map(f -> f.name()).toList()));
        }
        return i;
    }
}
