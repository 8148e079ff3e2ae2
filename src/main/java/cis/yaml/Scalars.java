package cis.yaml;

import cis.model.PartialDate;
import java.net.URI;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;

/** The scalar conversions the KB files use; each rejects what it cannot read with a message that says why. */
public final class Scalars {
    private static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    private static final LocalDate LATEST = LocalDate.of(2100, 12, 31);

    private Scalars() {}

    /** Text, not a number or boolean that YAML typed by accident, without control characters. */
    public static String text(YamlNode.Scalar s) throws Fields.Invalid {
        if (s.type() != YamlNode.Scalar.Type.STRING) {
            throw new Fields.Invalid(
                    "expected text but found " + s.describe() + " (" + s.text() + "); put it in quotes");
        }
        String t = s.text().strip();
        if (t.isEmpty()) {
            throw new Fields.Invalid("must not be empty");
        }
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (Character.isISOControl(c) && c != '\n') {
                throw new Fields.Invalid(
                        String.format("contains control character U+%04X at position %d", (int) c, i + 1));
            }
        }
        return t;
    }

    public static boolean bool(YamlNode.Scalar s) throws Fields.Invalid {
        if (s.type() != YamlNode.Scalar.Type.BOOLEAN
                || !(s.text().equals("true") || s.text().equals("false"))) {
            throw new Fields.Invalid("expected true or false but found '" + s.text() + "'");
        }
        return s.text().equals("true");
    }

    /** A full ISO date that exists and lies in a sane range. */
    public static LocalDate date(YamlNode.Scalar s) throws Fields.Invalid {
        LocalDate d = PartialDate.parseFull(s.text())
                .orElseThrow(() -> new Fields.Invalid("'" + s.text() + "' is not a valid date (YYYY-MM-DD)"));
        return inRange(d, s.text());
    }

    /** A date known to the day, month or year: {@code 1994-04-08}, {@code 2022-02}, {@code 1994}. */
    public static PartialDate partialDate(YamlNode.Scalar s) throws Fields.Invalid {
        PartialDate d = PartialDate.parse(s.text())
                .orElseThrow(() ->
                        new Fields.Invalid("'" + s.text() + "' is not a valid date (YYYY-MM-DD, YYYY-MM or YYYY)"));
        inRange(d.earliest(), s.text());
        return d;
    }

    private static LocalDate inRange(LocalDate d, String text) throws Fields.Invalid {
        if (d.isBefore(EARLIEST) || d.isAfter(LATEST)) {
            throw new Fields.Invalid("date " + text + " is outside " + EARLIEST.getYear() + "-" + LATEST.getYear());
        }
        return d;
    }

    /** An absolute http(s) URL. */
    public static String url(String text) throws Fields.Invalid {
        try {
            URI u = new URI(text);
            if (("http".equals(u.getScheme()) || "https".equals(u.getScheme())) && u.getHost() != null) {
                return text;
            }
        } catch (Exception e) {
            // fall through to the message below
        }
        throw new Fields.Invalid("'" + text + "' is not an http(s) URL");
    }

    /** One of an enum's public ids, e.g. {@code associate-member}. */
    public static <E extends Enum<E>> Fields.Conversion<E> oneOf(Class<E> type, Function<E, String> id) {
        return s -> {
            String t = text(s);
            Optional<E> hit = Arrays.stream(type.getEnumConstants())
                    .filter(e -> id.apply(e).equals(t))
                    .findFirst();
            return hit.orElseThrow(() -> new Fields.Invalid("'" + t + "' is not one of: "
                    + String.join(
                            ", ", Arrays.stream(type.getEnumConstants()).map(id).toList())));
        };
    }

    /** Text matching a shape, such as an ISO code. */
    public static Fields.Conversion<String> matching(String regex, String description) {
        return s -> {
            String t = text(s);
            if (!t.matches(regex)) {
                throw new Fields.Invalid("'" + t + "' is not " + description);
            }
            return t;
        };
    }

    static int distance(String a, String b) {
        return cis.model.Names.distance(a, b, 3); // only near misses matter: bounded, whatever the lengths
    }
}
