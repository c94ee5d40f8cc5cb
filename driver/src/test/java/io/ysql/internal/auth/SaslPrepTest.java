package io.ysql.internal.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SaslPrepTest {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        // RFC 4013 section 3.
        "I\u00ADX, IX",
        "user, user",
        "USER, USER",
        "\u00AA, a",
        "\u2168, IX",
        // C.1.2 non-ASCII spaces become U+0020.
        "a\u00A0b, a b",
        "a\u3000b, a b",
        "a\u2003b, a b",
        // U+200B is both C.1.2 and B.1; like PostgreSQL, the space mapping wins.
        "a\u200Bb, a b",
        // B.1 mapped to nothing.
        "a\uFEFFb\u200Dc, abc",
        // NFKC composes and folds compatibility forms.
        "e\u0301, \u00E9",
        "\uFB01, fi",
        // Right-to-left strings that obey the bidi rules, and plain non-ASCII text.
        "\u0627\u0031\u0628, \u0627\u0031\u0628",
        "\u05D0\u05D1, \u05D0\u05D1",
        "p\u00E4ssw\u00F6rd, p\u00E4ssw\u00F6rd",
    })
    void prepares(String input, String expected) {
        assertThat(SaslPrep.prepare(input)).isEqualTo(expected);
    }

    @Test
    void emptyStaysEmpty() {
        assertThat(SaslPrep.prepare("")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "\u0007",                 // C.2.1 ASCII control (RFC 4013 example)
        "a\u0085b",               // C.2.2 non-ASCII control
        "a\uE000",                // C.3 private use
        "a\uFDD0",                // C.4 non-character
        "a\uFFFD",                // C.6 inappropriate for plain text
        "a\u2FF0",                // C.7 inappropriate for canonical representation
        "a\u200E",                // C.8 change display properties
        "a\uDB40\uDC01",          // C.9 tagging character U+E0001
        "a\uD800b",               // C.5 lone surrogate
        "\u0221",                 // A.1 unassigned in Unicode 3.2
        "\u0627\u0031",           // RandALCat string must end with RandALCat (RFC 4013 example)
        "\u0031\u0627",           // ... and start with one
        "\u05D0a\u05D0",          // RandALCat and LCat mixed
        "\u00AD",                 // maps to nothing
        "\u00AD\u200D",           // maps to nothing
    })
    void refuses(String input) {
        assertThatThrownBy(() -> SaslPrep.prepare(input)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void checksTheMappedStringBeforeNormalizationAsPostgresqlDoes() {
        // U+0340 (C.8) normalizes to U+0300, which is allowed; PostgreSQL refuses it anyway.
        assertThatThrownBy(() -> SaslPrep.prepare("a\u0340")).isInstanceOf(IllegalArgumentException.class);
        assertThat(SaslPrep.prepare("a\u0300")).isEqualTo("\u00E0");
    }

    @Test
    void messageDoesNotQuoteTheInput() {
        assertThatThrownBy(() -> SaslPrep.prepare("secret\u0007"))
                .hasMessageNotContaining("secret")
                .hasMessageNotContaining("\u0007");
    }
}
