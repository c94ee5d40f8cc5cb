package io.ysql.internal.wire.backend;

import io.ysql.internal.buffer.ByteReader;
import io.ysql.internal.buffer.ByteWriter;
import io.ysql.internal.wire.BackendMessage;
import java.util.Map;

/**
 * ErrorResponse ({@code 'E'}): an error. The current statement failed and, in an extended-query
 * sequence, the server skips messages up to Sync; severity FATAL or PANIC ends the session. {@code
 * fields} maps each field type ({@code 'S'} severity, {@code 'C'} SQLSTATE, {@code 'M'} message
 * ...) to its value, in the order the server sent them; unknown types are kept.
 */
public record ErrorResponse(Map<Character, String> fields) implements BackendMessage {
    public static final byte TAG = 'E';

    public ErrorResponse {
        fields = FieldList.copy(fields);
    }

    public static ErrorResponse decode(ByteReader r) {
        return new ErrorResponse(FieldList.read(r));
    }

    /** The value of one field, or {@code null}. */
    public String field(char type) { return fields.get(type); }

    @Override
    public void encode(ByteWriter w) { FieldList.write(w, TAG, fields); }
}
