package io.ysql.types;

import io.ysql.error.SqlExceptions;
import io.ysql.error.SqlState;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * A MAC address: 6 bytes ({@code macaddr}) or 8 bytes (EUI-64, {@code macaddr8}), spelled as the
 * server spells it, {@code 08:00:2b:01:02:03}. Immutable: the bytes are copied in and out.
 * pgjdbc returns a {@code PGobject}.
 */
public final class MacAddress {
    private final byte[] bytes;

    private MacAddress(byte[] bytes) {
        this.bytes = bytes;
    }

    /** The address of these 6 or 8 bytes (copied). */
    public static MacAddress of(byte[] bytes) {
        if (bytes.length != 6 && bytes.length != 8) {
            throw new IllegalArgumentException("a MAC address has 6 or 8 bytes, not " + bytes.length);
        }
        return new MacAddress(bytes.clone());
    }

    /**
     * Reads 12 or 16 hex digits grouped as the server accepts them: {@code 08:00:2b:01:02:03},
     * {@code 08-00-2b-01-02-03}, {@code 0800.2b01.0203}, {@code 08002b:010203}, {@code 08002b010203}
     * …; 22P02 if malformed.
     */
    public static MacAddress parse(String text) throws SQLException {
        String s = text.trim();
        StringBuilder hex = new StringBuilder(16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.digit(c, 16) >= 0) hex.append(c);
            else if (c != ':' && c != '-' && c != '.') throw bad(text);
        }
        if (hex.length() != 12 && hex.length() != 16) throw bad(text);
        return new MacAddress(HexFormat.of().parseHex(hex));
    }

    private static SQLException bad(String text) {
        String shown = text.length() <= 60 ? text : text.substring(0, 60) + "...";
        return SqlExceptions.of(SqlState.INVALID_TEXT_REPRESENTATION,
            "invalid input syntax for type macaddr: \"" + shown + "\"");
    }

    /** A copy of the 6 or 8 bytes. */
    public byte[] toByteArray() {
        return bytes.clone();
    }

    /** 6 or 8. */
    public int length() {
        return bytes.length;
    }

    /** Whether this is an 8-byte ({@code macaddr8}) address. */
    public boolean isEui64() {
        return bytes.length == 8;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MacAddress m && Arrays.equals(m.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return HexFormat.ofDelimiter(":").formatHex(bytes);
    }
}
