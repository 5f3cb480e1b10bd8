package io.newsflow.runtime.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * The one way every option and setting reads a duration: "250ms", "30s", "5m", "12h", "7d", or ISO-8601
 * ("PT5M", "P7D"). A value that is none of these is refused with the forms it could take. The CLI's picocli
 * converter ({@code IngestCommand.DurationConverter}) calls {@link #parse}; this module does not depend on picocli.
 */
public final class Durations {
    public static final String FORMS = "250ms, 30s, 5m, 12h, 7d or ISO-8601 such as PT5M or P7D";

    private Durations() {
    }

    /** The duration, or an IllegalArgumentException naming {@code what} and the accepted forms. */
    public static Duration parse(String value, String what) {
        String v = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        try {
            if (v.startsWith("p")) {
                return Duration.parse(v.toUpperCase(Locale.ROOT));
            }
            if (v.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
            }
            if (v.length() < 2) {
                throw new NumberFormatException();
            }
            long n = Long.parseLong(v.substring(0, v.length() - 1));
            return switch (v.charAt(v.length() - 1)) {
                case 's' -> Duration.ofSeconds(n);
                case 'm' -> Duration.ofMinutes(n);
                case 'h' -> Duration.ofHours(n);
                case 'd' -> Duration.ofDays(n);
                default -> throw new NumberFormatException();
            };
        } catch (NumberFormatException | DateTimeParseException | ArithmeticException e) {
            throw new IllegalArgumentException(what + " must be a duration (" + FORMS + "), not '" + value + "'");
        }
    }

    /** The shortest ISO-8601 form: whole days as {@code P7D}, anything else as {@link Duration#toString()}. */
    static String format(Duration d) {
        long day = Duration.ofDays(1).toMillis();
        return d.toMillis() % day == 0 && !d.isZero() && d.getNano() % 1_000_000 == 0
                ? "P" + d.toDays() + "D" : d.toString();
    }
}
