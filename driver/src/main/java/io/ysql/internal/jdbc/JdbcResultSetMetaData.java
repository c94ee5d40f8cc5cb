package io.ysql.internal.jdbc;

import io.ysql.error.SqlExceptions;
import io.ysql.error.SqlState;
import io.ysql.internal.codec.CodecContext;
import io.ysql.internal.codec.Oids;
import io.ysql.internal.codec.TypeInfo;
import io.ysql.internal.wire.backend.RowDescription;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;

/**
 * Column facts from the RowDescription alone: names, types, precision and scale from the type
 * modifier. Nullability is reported as unknown and table names as empty: the row description
 * does not carry them and this class never queries the catalog.
 */
final class JdbcResultSetMetaData implements ResultSetMetaData {
    private final RowDescription.Field[] fields;
    private final CodecContext types;

    JdbcResultSetMetaData(RowDescription.Field[] fields, CodecContext types) {
        this.fields = fields;
        this.types = types;
    }

    private RowDescription.Field field(int column) throws SQLException {
        if (column < 1 || column > fields.length) {
            throw SqlExceptions.of(SqlState.INVALID_PARAMETER_VALUE, "column index " + column + " is out of range; the result has "
                    + fields.length + " column" + (fields.length == 1 ? "" : "s"));
        }
        return fields[column - 1];
    }

    @Override public int getColumnCount() { return fields.length; }
    @Override public String getColumnName(int c) throws SQLException { return field(c).name(); }
    @Override public String getColumnLabel(int c) throws SQLException { return field(c).name(); }
    @Override public int getColumnType(int c) throws SQLException { return types.type(field(c).typeOid()).sqlType(); }
    @Override public String getColumnTypeName(int c) throws SQLException { return types.type(field(c).typeOid()).name(); }

    @Override
    public String getColumnClassName(int c) throws SQLException {
        int oid = field(c).typeOid();
        return oid == Oids.BIT ? TypeInfo.javaClassName(oid, field(c).typeModifier()) : types.type(oid).javaClassName();
    }

    @Override
    public int getPrecision(int c) throws SQLException {
        RowDescription.Field f = field(c);
        return TypeInfo.precision(f.typeOid(), f.typeModifier());
    }

    @Override
    public int getScale(int c) throws SQLException {
        RowDescription.Field f = field(c);
        return TypeInfo.scale(f.typeOid(), f.typeModifier());
    }

    @Override
    public int getColumnDisplaySize(int c) throws SQLException {
        RowDescription.Field f = field(c);
        return TypeInfo.displaySize(f.typeOid(), f.typeModifier());
    }

    @Override public int isNullable(int c) throws SQLException { field(c); return columnNullableUnknown; }
    @Override public boolean isAutoIncrement(int c) throws SQLException { field(c); return false; }
    @Override public boolean isCaseSensitive(int c) throws SQLException { return TypeInfo.isCaseSensitive(field(c).typeOid()); }
    @Override public boolean isSearchable(int c) throws SQLException { field(c); return true; }
    @Override public boolean isCurrency(int c) throws SQLException { return TypeInfo.isCurrency(field(c).typeOid()); }
    @Override public boolean isSigned(int c) throws SQLException { return TypeInfo.isSigned(field(c).typeOid()); }
    @Override public String getSchemaName(int c) throws SQLException { field(c); return ""; }
    @Override public String getTableName(int c) throws SQLException { field(c); return ""; }
    @Override public String getCatalogName(int c) throws SQLException { field(c); return ""; }
    @Override public boolean isReadOnly(int c) throws SQLException { field(c); return false; }
    @Override public boolean isWritable(int c) throws SQLException { return field(c).tableOid() != 0; }
    @Override public boolean isDefinitelyWritable(int c) throws SQLException { field(c); return false; }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) return iface.cast(this);
        throw SqlExceptions.of(SqlState.INVALID_PARAMETER_VALUE, "not a wrapper for " + iface.getName());
    }

    @Override public boolean isWrapperFor(Class<?> iface) { return iface.isInstance(this); }
}
