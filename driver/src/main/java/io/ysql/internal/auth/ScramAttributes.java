package io.ysql.internal.auth;

import io.ysql.internal.auth.AuthenticationFailure.Kind;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * A SCRAM message from the server split into its comma-separated {@code name=value} attributes
 * (RFC 5802 section 7). Reads attributes by position, because the RFC fixes their order, and
 * checks that whatever follows the known attributes is a well-formed extension. Every defect is
 * an {@link AuthenticationFailure} of kind {@link Kind#PROTOCOL}.
 */
final class ScramAttributes {
    private final String messageName;
    private final String text;
    private final List<String> parts;

    private ScramAttributes(String messageName, String text) {
        this.messageName = messageName;
        this.text = text;
        this.parts = List.of(text.split(",", -1));
    }

    /** Decodes the message as strict UTF-8 and splits it; {@code messageName} names it in errors. */
    static ScramAttributes parse(byte[] message, String messageName) throws AuthenticationFailure {
        if (message == null || message.length == 0) {
            throw new AuthenticationFailure(Kind.PROTOCOL, "empty SCRAM " + messageName);
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(message)).toString();
            return new ScramAttributes(messageName, text);
        } catch (CharacterCodingException e) {
            throw new AuthenticationFailure(Kind.PROTOCOL, "SCRAM " + messageName + " is not valid UTF-8", e);
        }
    }

    /** The message as received. */
    String text() {
        return text;
    }

    int size() {
        return parts.size();
    }

    /** Whether the attribute at {@code index} exists and is named {@code name}. */
    boolean isNamed(int index, char name) {
        return index < parts.size() && parts.get(index).length() >= 2
                && parts.get(index).charAt(0) == name && parts.get(index).charAt(1) == '=';
    }

    /** The value of the attribute at {@code index}, which must be named {@code name} and not empty. */
    String value(int index, char name) throws AuthenticationFailure {
        if (!isNamed(index, name)) {
            throw protocol("attribute " + (index + 1) + " should be " + name + "=");
        }
        String value = parts.get(index).substring(2);
        if (value.isEmpty()) {
            throw protocol("attribute " + name + "= is empty");
        }
        return value;
    }

    /** The base64-decoded value of the attribute at {@code index}; must decode to at least one byte. */
    byte[] base64Value(int index, char name) throws AuthenticationFailure {
        String value = value(index, name);
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            throw new AuthenticationFailure(Kind.PROTOCOL,
                    "SCRAM " + messageName + ": attribute " + name + "= is not valid base64", e);
        }
        if (decoded.length == 0) {
            throw protocol("attribute " + name + "= is empty");
        }
        return decoded;
    }

    /** Checks that every attribute from {@code index} on is an extension: one letter, '=', a value. */
    void requireExtensionsFrom(int index) throws AuthenticationFailure {
        for (int i = index; i < parts.size(); i++) {
            String part = parts.get(i);
            boolean wellFormed = part.length() >= 3 && isAsciiLetter(part.charAt(0)) && part.charAt(1) == '=';
            if (!wellFormed) {
                throw protocol("unexpected data after attribute " + index);
            }
        }
    }

    AuthenticationFailure protocol(String detail) {
        return new AuthenticationFailure(Kind.PROTOCOL, "malformed SCRAM " + messageName + ": " + detail);
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
