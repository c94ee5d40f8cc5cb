package io.ysql.internal.jdbc;

import io.ysql.error.SqlExceptions;
import io.ysql.error.SqlState;
import io.ysql.internal.codec.ArrayCodec;
import io.ysql.internal.codec.ArrayData;
import io.ysql.internal.codec.EncodedParameter;
import io.ysql.internal.codec.FormatCode;
import io.ysql.internal.codec.Oids;
import io.ysql.internal.codec.ValueDecoder;
import io.ysql.internal.session.QueryResult;
import io.ysql.internal.buffer.ByteWriter;
import io.ysql.internal.session.ResultRows;
import io.ysql.internal.wire.backend.DataRow;
import io.ysql.internal.wire.backend.RowDescription;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A {@link java.sql.Array} over one array value, read from a result or made by {@code
 * createArrayOf}, as pgjdbc's: {@link #getArray()} gives a Java array of the element's {@code
 * getObject} class ({@code Integer[]}, {@code Integer[][]} for two dimensions), {@link
 * #getResultSet()} rows of {@code INDEX} (1-based) and {@code VALUE} (the element, or the
 * sub-array of a multi-dimensional array), {@link #toString()} the server's text. Non-default
 * lower bounds are ignored, as pgjdbc does: values keep their order and indexes start at 1;
 * {@code toString()} still shows the bounds. Elements are decoded on each call; after {@link
 * #free()} every method raises 55000.
 */
final class JdbcArray implements Array {
    private final String baseTypeName;
    private final ValueDecoder decoder;
    private volatile ArrayData data;

    JdbcArray(ArrayData data, String baseTypeName, ValueDecoder decoder) {
        this.data = data;
        this.baseTypeName = baseTypeName;
        this.decoder = decoder;
    }

    /** An array read from a result; its base type name is the element type's {@code typname}. */
    static JdbcArray of(ArrayData data, ValueDecoder decoder) {
        return new JdbcArray(data, decoder.context().type(data.elementOid()).name(), decoder);
    }

    /** The value as a bind parameter of its own type. */
    EncodedParameter parameter() throws SQLException {
        return data().toParameter();
    }

    @Override
    public String getBaseTypeName() throws SQLException {
        data();
        return baseTypeName;
    }

    @Override
    public int getBaseType() throws SQLException {
        return decoder.context().type(data().elementOid()).sqlType();
    }

    @Override
    public Object getArray() throws SQLException {
        return ArrayCodec.toJavaArray(data(), decoder);
    }

    @Override
    public Object getArray(Map<String, Class<?>> map) throws SQLException {
        checkMap(map, "getArray");
        return getArray();
    }

    @Override
    public Object getArray(long index, int count) throws SQLException {
        return ArrayCodec.toJavaArray(slice(index, count), decoder);
    }

    @Override
    public Object getArray(long index, int count, Map<String, Class<?>> map) throws SQLException {
        checkMap(map, "getArray");
        return getArray(index, count);
    }

    @Override
    public ResultSet getResultSet() throws SQLException {
        ArrayData a = data();
        return resultSet(a, 0);
    }

    @Override
    public ResultSet getResultSet(Map<String, Class<?>> map) throws SQLException {
        checkMap(map, "getResultSet");
        return getResultSet();
    }

    @Override
    public ResultSet getResultSet(long index, int count) throws SQLException {
        return resultSet(slice(index, count), (int) index - 1);
    }

    @Override
    public ResultSet getResultSet(long index, int count, Map<String, Class<?>> map) throws SQLException {
        checkMap(map, "getResultSet");
        return getResultSet(index, count);
    }

    @Override
    public void free() {
        data = null;
    }

    /** The server's text of the array ({@code {1,2,NULL}}, {@code [0:1]={7,8}}), or "NULL" once freed. */
    @Override
    public String toString() {
        ArrayData a = data;
        if (a == null) return "NULL";
        try {
            return a.toText(decoder);
        } catch (SQLException e) {
            return "NULL";
        }
    }

    /** Items {@code index .. index+count-1} (1-based) of the first dimension. */
    private ArrayData slice(long index, int count) throws SQLException {
        ArrayData a = data();
        if (index < 1 || count < 0 || index - 1 + count > a.length()) {
            throw SqlExceptions.of(SqlState.ARRAY_SUBSCRIPT_ERROR, "array index " + index + " with count " + count
                + " is out of range: the array has " + a.length() + " item" + (a.length() == 1 ? "" : "s") + ", from 1");
        }
        return a.slice((int) index - 1, count);
    }

    /** Rows of INDEX (first + 1 …) and VALUE: the element, or the sub-array when multi-dimensional. */
    private ResultSet resultSet(ArrayData a, int first) throws SQLException {
        boolean nested = a.dimensions() > 1;
        int valueOid = nested ? a.arrayOid() : a.elementOid();
        RowDescription description = new RowDescription(new RowDescription.Field[] {
            new RowDescription.Field("INDEX", 0, (short) 0, Oids.INT4, (short) 4, -1, FormatCode.TEXT),
            new RowDescription.Field("VALUE", 0, (short) 0, valueOid, (short) -1, -1, a.format())});
        ResultRows rows = new ResultRows(2);
        ByteWriter w = new ByteWriter(64);
        for (int i = 0; i < a.length(); i++) {
            byte[] index = Integer.toString(first + i + 1).getBytes(StandardCharsets.US_ASCII);
            byte[] value;
            if (nested) {
                value = a.item(i).encode();
            } else if (a.isNull(i)) {
                value = null;
            } else {
                value = Arrays.copyOfRange(a.buffer(), a.elementOffset(i), a.elementOffset(i) + a.elementLength(i));
            }
            w.reset();
            DataRow.of(index, value).encode(w);
            rows.add(w.array(), 5, w.size() - 5); // the body, after the tag and the length
        }
        QueryResult result = new QueryResult(description, rows, "SELECT " + rows.size(), rows.size(), false);
        return new JdbcResultSet(null, result, decoder);
    }

    private ArrayData data() throws SQLException {
        ArrayData a = data;
        if (a == null) {
            throw SqlExceptions.of(SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE, "the Array was freed; read it before calling free()");
        }
        return a;
    }

    private static void checkMap(Map<String, Class<?>> map, String method) throws SQLException {
        if (map != null && !map.isEmpty()) {
            throw SqlExceptions.of(SqlState.FEATURE_NOT_SUPPORTED, "Array." + method + " with a type map is not supported");
        }
    }
}
