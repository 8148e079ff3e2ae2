package cis.cli;

import cis.model.Session;
import cis.render.Format;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Option converters whose errors say what was expected, in the tool's own vocabulary. */
final class Converters {
    private Converters() {}

    static final class Date implements ITypeConverter<DateSpec> {
        @Override
        public DateSpec convert(String value) {
            try {
                return DateSpec.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /**
     * A format by its id. Every format converts (ics too, so that {@code states --format ics} hears
     * why not), but the error lists only the formats of the command: {@code calendars} for those
     * that write calendars.
     */
    static class FormatConverter implements ITypeConverter<Format> {
        private final Iterable<String> offered;

        FormatConverter() {
            this(new Candidates.Formats());
        }

        FormatConverter(Iterable<String> offered) {
            this.offered = offered;
        }

        @Override
        public Format convert(String value) {
            String v = value.strip().toLowerCase(Locale.ROOT);
            for (Format f : Format.values()) { // a loop, not a stream: no lambda on every run's path
                if (f.id().equals(v)) {
                    return f;
                }
            }
            throw new TypeConversionException(
                    "'" + value + "' is not a format; use one of: " + String.join(", ", offered));
        }
    }

    /** A session kind by its id: regular, informal, … */
    static final class KindConverter implements ITypeConverter<Session.Kind> {
        @Override
        public Session.Kind convert(String value) {
            String v = value.strip().toLowerCase(Locale.ROOT);
            List<String> ids = new ArrayList<>();
            for (Session.Kind k : Session.Kind.values()) {
                if (k.id().equals(v)) {
                    return k;
                }
                ids.add(k.id());
            }
            throw new TypeConversionException(
                    "'" + value + "' is not a kind of session; use one of: " + String.join(", ", ids));
        }
    }

    /** The order of {@code cis sessions}: newest first, or by date (oldest first; "oldest" is an alias). */
    static final class OrderConverter implements ITypeConverter<SessionsCommand.Order> {
        @Override
        public SessionsCommand.Order convert(String value) {
            return switch (value.strip().toLowerCase(Locale.ROOT)) {
                case "newest" -> SessionsCommand.Order.NEWEST;
                case "date", "oldest" -> SessionsCommand.Order.DATE;
                default -> throw new TypeConversionException("'" + value + "' is not an order; use newest or date");
            };
        }
    }

    /** {@code cis states --sort}: status, name or since. */
    static final class StatesSortConverter implements ITypeConverter<cis.query.StatusQuery.Sort> {
        @Override
        public cis.query.StatusQuery.Sort convert(String value) {
            return choice(cis.query.StatusQuery.Sort.class, value, "an order of states");
        }
    }

    /** {@code cis officials --sort}: office, since or name. */
    static final class OfficialsSortConverter implements ITypeConverter<cis.query.OfficialsQuery.Sort> {
        @Override
        public cis.query.OfficialsQuery.Sort convert(String value) {
            return choice(cis.query.OfficialsQuery.Sort.class, value, "an order of terms");
        }
    }

    /** An enum constant by its lower-case name, or an error that lists them. */
    static <E extends Enum<E>> E choice(Class<E> type, String value, String what) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        for (E e : type.getEnumConstants()) {
            if (e.name().toLowerCase(Locale.ROOT).equals(v)) {
                return e;
            }
        }
        throw new TypeConversionException("'" + value + "' is not " + what + "; use "
                + String.join(
                        ", ",
                        Arrays.stream(type.getEnumConstants())
                                .map(e -> e.name().toLowerCase(Locale.ROOT))
                                .toList()));
    }

    static final class InputFormatConverter implements ITypeConverter<StatusCommand.InputFormat> {
        @Override
        public StatusCommand.InputFormat convert(String value) {
            return switch (value.strip().toLowerCase(Locale.ROOT)) {
                case "lines" -> StatusCommand.InputFormat.LINES;
                case "csv" -> StatusCommand.InputFormat.CSV;
                default ->
                    throw new TypeConversionException("'" + value + "' is not an input format; use lines or csv");
            };
        }
    }

    static final class ColorConverter implements ITypeConverter<OutputOptions.ColorMode> {
        @Override
        public OutputOptions.ColorMode convert(String value) {
            String v = value.strip().toUpperCase(Locale.ROOT);
            for (OutputOptions.ColorMode m : OutputOptions.ColorMode.values()) {
                if (m.name().equals(v)) {
                    return m;
                }
            }
            throw new TypeConversionException("'" + value + "' is not a colour mode; use auto, always or never");
        }
    }
}
