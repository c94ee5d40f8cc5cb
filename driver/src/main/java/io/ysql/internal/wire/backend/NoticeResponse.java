package io.ysql.internal.wire.backend;

import io.ysql.internal.buffer.ByteReader;
import io.ysql.internal.buffer.ByteWriter;
import io.ysql.internal.wire.BackendMessage;
import java.util.Map;

/**
 * NoticeResponse ({@code 'N'}): a notice or warning; it never changes the state of the
 * conversation. {@code fields} maps each field type ({@code 'S'} severity, {@code 'C'} SQLSTATE,
 * {@code 'M'} message ...) to its value, in the order the server sent them; unknown types are kept.
 */
public record NoticeResponse(Map<Character, String> fields) implements BackendMessage {
    public static final byte TAG = 'N';

    public NoticeResponse {
        fields = FieldList.copy(fields);
    }

    public static NoticeResponse decode(ByteReader r) {
        return new NoticeResponse(FieldList.read(r));
    }

    /** The value of one field, or {@code null}. */
    public String field(char type) { return fields.get(type); }

    @Override
    public void encode(ByteWriter w) { FieldList.write(w, TAG, fields); }
}
