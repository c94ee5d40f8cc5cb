package io.ysql;

import io.ysql.error.SqlExceptions;
import io.ysql.error.SqlState;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns each fetched {@link Row} into the value a {@link TypedCursor} returns, as psycopg's row
 * factories: {@link #tuple()} (the row itself), {@link #dict()} (a {@code Map} from column name to
 * value, psycopg2's {@code RealDictCursor}), {@link #classRow(Class)} (a record or class built
 * from the columns, psycopg 3's {@code class_row}), or any function of the row.
 *
 * @param <T> what each row becomes
 */
@FunctionalInterface
public interface RowFactory<T> {

    /** The value for one row. */
    T make(Row row) throws SQLException;

    /** Rows as they are: indexable by position and by name. */
    static RowFactory<Row> tuple() {
        return row -> row;
    }

    /** Rows as unmodifiable maps from column name to value, in column order; a later duplicate name wins. */
    static RowFactory<Map<String, Object>> dict() {
        return row -> {
            Map<String, Object> m = new LinkedHashMap<>();
            List<Column> columns = row.columns();
            for (int i = 0; i < columns.size(); i++) m.put(columns.get(i).name(), row.get(i));
            return Collections.unmodifiableMap(m);
        };
    }

    /**
     * Rows as instances of {@code type}. A record is built with its canonical constructor, each
     * component from the column of the same name ({@code first_name} also fills {@code
     * firstName}), converted to the component's type as {@link Row#get(int, Class)} converts; a
     * column no component names, or a component no column fills, is an error (SQLSTATE 42703).
     * Any other class needs a public constructor with one parameter per column, filled in column
     * order.
     */
    static <T> RowFactory<T> classRow(Class<T> type) {
        if (type.isRecord()) return new RecordRows<>(type);
        return row -> {
            for (Constructor<?> c : type.getConstructors()) {
                if (c.getParameterCount() != row.size()) continue;
                Class<?>[] params = c.getParameterTypes();
                Object[] args = new Object[params.length];
                for (int i = 0; i < params.length; i++) args[i] = RecordRows.value(row, i, params[i]);
                return type.cast(RecordRows.construct(c, args, type));
            }
            throw SqlExceptions.of(SqlState.INVALID_PARAMETER_VALUE, type.getName() + " has no public constructor with "
                    + row.size() + " parameters, one per column");
        };
    }

    /** The row factory of a record class: components matched to columns by name once per result shape. */
    final class RecordRows<T> implements RowFactory<T> {
        private final Class<T> type;
        private final RecordComponent[] components;
        private final Constructor<T> constructor;

        private RecordRows(Class<T> type) {
            this.type = type;
            this.components = type.getRecordComponents();
            Class<?>[] params = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) params[i] = components[i].getType();
            try {
                this.constructor = type.getDeclaredConstructor(params);
                this.constructor.setAccessible(true);
            } catch (ReflectiveOperationException | RuntimeException e) {
                throw new IllegalArgumentException("cannot use the canonical constructor of " + type.getName(), e);
            }
        }

        @Override
        public T make(Row row) throws SQLException {
            List<Column> columns = row.columns();
            Map<String, Integer> byName = new LinkedHashMap<>();
            for (int i = 0; i < columns.size(); i++) byName.put(camel(columns.get(i).name()), i);
            List<String> unused = new ArrayList<>(byName.keySet());
            Object[] args = new Object[components.length];
            for (int i = 0; i < components.length; i++) {
                String name = components[i].getName();
                Integer index = byName.get(camel(name));
                if (index == null) {
                    throw SqlExceptions.of(SqlState.UNDEFINED_COLUMN, "no column fills the component " + name + " of "
                            + type.getSimpleName() + "; the columns are " + columnNames(columns));
                }
                unused.remove(camel(name));
                args[i] = value(row, index, components[i].getType());
            }
            if (!unused.isEmpty()) {
                throw SqlExceptions.of(SqlState.UNDEFINED_COLUMN, type.getSimpleName() + " has no component for the column(s) "
                        + unused + "; select only the columns it holds");
            }
            return construct(constructor, args, type);
        }

        static Object value(Row row, int index, Class<?> target) throws SQLException {
            Object v = row.get(index, box(target));
            if (v == null && target.isPrimitive()) {
                throw SqlExceptions.of(SqlState.NULL_VALUE_NOT_ALLOWED, "column " + row.columns().get(index).name()
                        + " is NULL but its target is a primitive " + target.getName());
            }
            return v;
        }

        static <T> T construct(Constructor<?> c, Object[] args, Class<T> type) throws SQLException {
            try {
                return type.cast(c.newInstance(args));
            } catch (InvocationTargetException e) {
                throw SqlExceptions.of(SqlState.DATA_EXCEPTION, "the constructor of " + type.getName() + " failed: "
                        + e.getCause(), e.getCause());
            } catch (ReflectiveOperationException e) {
                throw SqlExceptions.of(SqlState.INVALID_PARAMETER_VALUE, "cannot construct " + type.getName() + ": " + e, e);
            }
        }

        /** {@code first_name} and {@code firstName} alike become {@code firstname}. */
        private static String camel(String name) {
            return name.replace("_", "").toLowerCase(Locale.ROOT);
        }

        private static List<String> columnNames(List<Column> columns) {
            return columns.stream().map(Column::name).toList();
        }

        private static Class<?> box(Class<?> c) {
            if (!c.isPrimitive()) return c;
            if (c == int.class) return Integer.class;
            if (c == long.class) return Long.class;
            if (c == double.class) return Double.class;
            if (c == boolean.class) return Boolean.class;
            if (c == float.class) return Float.class;
            if (c == short.class) return Short.class;
            if (c == byte.class) return Byte.class;
            return Character.class;
        }
    }
}
