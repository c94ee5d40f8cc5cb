package io.ysql.internal.cursor;

import io.ysql.Column;
import io.ysql.error.SqlExceptions;
import io.ysql.error.SqlState;
import io.ysql.internal.codec.PgTypes;
import io.ysql.internal.codec.ValueDecoder;
import io.ysql.internal.wire.backend.RowDescription;
import java.sql.SQLException;
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
        for (RowDescription.Field f : fields) d.add(column(f));
        this.description = Collections.unmodifiableList(d);
    }

    private static Column column(RowDescription.Field f) {
        int oid = f.typeOid();
        int mod = f.typeModifier();
        int display = PgTypes.displaySize(oid, mod);
        int precision = PgTypes.precision(oid, mod);
        int scale = PgTypes.scale(oid, mod);
        boolean numeric = PgTypes.isNumeric(oid);
        return new Column(f.name(), oid, PgTypes.typeName(oid),
                display <= 0 || display == Integer.MAX_VALUE ? null : display,
                (int) f.typeSize(),
                numeric && precision > 0 ? precision : null,
                numeric ? scale : null,
                null);
    }

    List<Column> description() { return description; }

    int indexOf(String name) throws SQLException {
        Integer i = name == null ? null : byName.get(name.toLowerCase(Locale.ROOT));
        if (i == null) throw SqlExceptions.of(SqlState.UNDEFINED_COLUMN, "the result has no column named \"" + name + "\"");
        return i;
    }
}
