package io.ysql.types;

import io.ysql.error.SqlExceptions;
import io.ysql.error.SqlState;
import java.sql.SQLException;
import java.sql.Struct;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A value of a composite type ({@code CREATE TYPE complex AS (r float8, i float8)}, a table's row
 * type) or of an anonymous {@code record}: the type's name and the field values in order, with
 * access by index and by field name. It is the {@link Struct} JDBC's {@code getObject} returns
 * (values typed as {@code getObject} types them) and the value the cursor API returns (values
 * typed as the cursor API types them); {@code setObject(i, composite)} sends it as its type.
 * Anonymous records name their fields {@code f1}, {@code f2} … as the server does. Immutable.
 */
public final class Composite implements Struct {
    private final String typeName;
    private final List<String> fieldNames;
    private final List<Object> values;

    /**
     * @param typeName   the type's name, e.g. {@code public.complex}, or {@code record}
     * @param fieldNames the field names in order, or null when they are not known
     * @param values     the field values in order (null elements for NULL fields)
     */
    public Composite(String typeName, List<String> fieldNames, List<?> values) {
        this.typeName = Objects.requireNonNull(typeName, "typeName");
        this.values = Collections.unmodifiableList(new ArrayList<>(values));
        this.fieldNames = fieldNames == null ? null : List.copyOf(fieldNames);
        if (this.fieldNames != null && this.fieldNames.size() != this.values.size()) {
            throw new IllegalArgumentException(fieldNames.size() + " field names for " + values.size() + " values");
        }
    }

    /** A value of the type named {@code typeName} with these field values, names unknown (as {@code createStruct}). */
    public static Composite of(String typeName, Object... values) {
        return new Composite(typeName, null, Arrays.asList(values));
    }

    /** The type's name: schema-qualified for composite types read from the server, {@code record} for anonymous records. */
    public String typeName() { return typeName; }

    /** The number of fields. */
    public int size() { return values.size(); }

    /** The value of field {@code index}, counted from 0. */
    public Object get(int index) {
        if (index < 0 || index >= values.size()) {
            throw new IndexOutOfBoundsException("field " + index + " of a " + typeName + " with " + values.size() + " fields");
        }
        return values.get(index);
    }

    /** The value of the field named {@code name} (matched exactly, then ignoring case). */
    public Object get(String name) {
        return values.get(indexOf(name));
    }

    /** The position of the field named {@code name}; {@link IllegalArgumentException} when there is none. */
    public int indexOf(String name) {
        if (fieldNames != null) {
            int i = fieldNames.indexOf(name);
            if (i >= 0) return i;
            for (int j = 0; j < fieldNames.size(); j++) {
                if (fieldNames.get(j).equalsIgnoreCase(name)) return j;
            }
        }
        throw new IllegalArgumentException(typeName + " has no field named \"" + name + "\""
                + (fieldNames == null ? " (its field names are not known)" : "; its fields are " + fieldNames));
    }

    /** The field names in order, or null when not known. */
    public List<String> fieldNames() { return fieldNames; }

    /** The field values in order, unmodifiable, with null for NULL fields. */
    public List<Object> values() { return values; }

    @Override public String getSQLTypeName() { return typeName; }

    @Override public Object[] getAttributes() { return values.toArray(); }

    /** As {@link #getAttributes()}; a non-empty type map is not supported (0A000). */
    @Override
    public Object[] getAttributes(Map<String, Class<?>> map) throws SQLException {
        if (map != null && !map.isEmpty()) {
            throw SqlExceptions.of(SqlState.FEATURE_NOT_SUPPORTED, "custom type maps are not supported; "
                    + "register an io.ysql.types.Codec for the type instead");
        }
        return getAttributes();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Composite c && c.typeName.equals(typeName) && c.values.equals(values)
                && Objects.equals(c.fieldNames, fieldNames);
    }

    @Override
    public int hashCode() { return typeName.hashCode() * 31 + values.hashCode(); }

    /** The type name and the values: {@code public.complex(1.0, 2.0)}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(typeName).append('(');
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) sb.append(", ");
            sb.append(values.get(i));
        }
        return sb.append(')').toString();
    }
}
