package cis.cli;

import cis.model.Session;
import cis.render.Format;
import java.util.Arrays;
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

    static final class FormatConverter implements ITypeConverter<Format> {
        @Override
        public Format convert(String value) {
            String v = value.strip().toLowerCase(Locale.ROOT);
            return Arrays.stream(Format.values())
                    .filter(f -> f.id().equals(v))
                    .findFirst()
                    .orElseThrow(() -> new TypeConversionException("'" + value + "' is not a format; use one of: "
                            + String.join(
                                    ", ",
                                    Arrays.stream(Format.values())
                                            .map(Format::id)
                                            .toList())));
        }
    }

    /** A session kind by its id: regular, informal, … */
    static final class KindConverter implements ITypeConverter<Session.Kind> {
        @Override
        public Session.Kind convert(String value) {
            String v = value.strip().toLowerCase(Locale.ROOT);
            return Arrays.stream(Session.Kind.values())
                    .filter(k -> k.id().equals(v))
                    .findFirst()
                    .orElseThrow(() ->
                            new TypeConversionException("'" + value + "' is not a kind of session; use one of: "
                                    + String.join(
                                            ", ",
                                            Arrays.stream(Session.Kind.values())
                                                    .map(Session.Kind::id)
                                                    .toList())));
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

    static final class ColorConverter implements ITypeConverter<QueryOptions.ColorMode> {
        @Override
        public QueryOptions.ColorMode convert(String value) {
            String v = value.strip().toUpperCase(Locale.ROOT);
            return Arrays.stream(QueryOptions.ColorMode.values())
                    .filter(m -> m.name().equals(v))
                    .findFirst()
                    .orElseThrow(() -> new TypeConversionException(
                            "'" + value + "' is not a colour mode; use auto, always or never"));
        }
    }
}
