package io.ysql.error;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every field of a server ErrorResponse or NoticeResponse, keyed by the protocol's field type
 * bytes (<a href="https://www.postgresql.org/docs/current/protocol-error-fields.html">Error and
 * Notice Message Fields</a>). Immutable; unknown field types are kept and reachable through
 * {@link #field(char)}.
 */
public final class ServerError {
    private final Map<Character, String> fields;

    public ServerError(Map<Character, String> fields) {
        this.fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /** Builds an error the driver raises itself, shaped like a server one. */
    public static ServerError of(String severity, String sqlState, String message) {
        Map<Character, String> f = new LinkedHashMap<>();
        f.put('S', severity);
        f.put('V', severity);
        f.put('C', sqlState);
        f.put('M', message);
        return new ServerError(f);
    }

    /** The raw value of one field, or {@code null}. */
    public String field(char type) { return fields.get(type); }

    /** All fields in the order the server sent them. */
    public Map<Character, String> fields() { return fields; }

    /** Localized severity ({@code S}): ERROR, FATAL, PANIC, WARNING, NOTICE, DEBUG, INFO, LOG. */
    public String severity() { return fields.getOrDefault('S', fields.get('V')); }
    /** Severity never localized ({@code V}, servers 9.6+). */
    public String severityNonLocalized() { return fields.getOrDefault('V', fields.get('S')); }
    /** The SQLSTATE ({@code C}). */
    public String sqlState() { return fields.get('C'); }
    /** The primary message ({@code M}). */
    public String message() { return fields.get('M'); }
    public String detail() { return fields.get('D'); }
    public String hint() { return fields.get('H'); }
    /** 1-based character position in the query string ({@code P}), or 0 when absent. */
    public int position() { return intField('P'); }
    public int internalPosition() { return intField('p'); }
    public String internalQuery() { return fields.get('q'); }
    public String where() { return fields.get('W'); }
    public String schema() { return fields.get('s'); }
    public String table() { return fields.get('t'); }
    public String column() { return fields.get('c'); }
    public String dataType() { return fields.get('d'); }
    public String constraint() { return fields.get('n'); }
    public String file() { return fields.get('F'); }
    public int line() { return intField('L'); }
    public String routine() { return fields.get('R'); }

    /** True when the server will close the session after this error (FATAL or PANIC). */
    public boolean isFatal() {
        String s = severityNonLocalized();
        return "FATAL".equals(s) || "PANIC".equals(s);
    }

    private int intField(char type) {
        String v = fields.get(type);
        if (v == null) return 0;
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** psql-like text: severity, message, and the detail, hint and position lines when present. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        sb.append(severity()).append(": ").append(message());
        appendLine(sb, "Detail", detail());
        appendLine(sb, "Hint", hint());
        if (position() > 0) appendLine(sb, "Position", Integer.toString(position()));
        appendLine(sb, "Where", where());
        return sb.toString();
    }

    private static void appendLine(StringBuilder sb, String label, String value) {
        if (value != null && !value.isEmpty()) sb.append("\n  ").append(label).append(": ").append(value);
    }
}
