package io.ysql.internal.codec;

import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fixed-offset time zones in the POSIX spelling the server reports for {@code TimeZone} after
 * {@code SET TIME ZONE 5}, {@code SET TIME ZONE '+5'} or {@code SET TIME ZONE INTERVAL '+05:30'
 * HOUR TO MINUTE}: an optional abbreviation ({@code <+05:30>}, {@code GMT}) and an offset whose
 * positive sign means <em>west</em> of Greenwich (POSIX, and the server), the opposite of ISO 8601
 * and of {@link java.time.ZoneId#of}. Zones with daylight-saving rules in the spelling are left to
 * the JDK.
 */
final class PosixZone {
    private PosixZone() {}

    private static final Pattern SPEC = Pattern.compile(
        "(?:<[^>]*>|[A-Za-z]{3,})?([+-]?)(\\d{1,2})(?::(\\d{2}))?(?::(\\d{2}))?");

    /** The offset {@code name} spells, or null when it is not a plain POSIX offset. */
    static ZoneOffset offset(String name) {
        Matcher m = SPEC.matcher(name.strip());
        if (!m.matches()) return null;
        int seconds = Integer.parseInt(m.group(2)) * 3600
            + (m.group(3) == null ? 0 : Integer.parseInt(m.group(3)) * 60)
            + (m.group(4) == null ? 0 : Integer.parseInt(m.group(4)));
        if (seconds > 18 * 3600) return null;
        return ZoneOffset.ofTotalSeconds(m.group(1).equals("-") ? seconds : -seconds);
    }
}
