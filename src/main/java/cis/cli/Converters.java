package cis.cli;

import cis.model.PartialDate;
import cis.render.Format;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Option converters whose errors say what was expected, in the tool's own vocabulary. */
final class Converters {
    private Converters() {}

    static final class Date implements ITypeConverter<LocalDate> {
        @Override
        public LocalDate convert(String value) {
            return PartialDate.parseFull(value).orElseThrow(() -> new TypeConversionException(
                    "'" + value + "' is not a date; use YYYY-MM-DD, e.g. 2005-08-26"));
        }
    }

    static final class FormatConverter implements ITypeConverter<Format> {
        @Override
        public Format convert(String value) {
            String v = value.strip().toLowerCase(Locale.ROOT);
            return Arrays.stream(Format.values()).filter(f -> f.id().equals(v)).findFirst()
                    .orElseThrow(() -> new TypeConversionException("'" + value + "' is not a format; use one of: "
                            + String.join(", ", Arrays.stream(Format.values()).map(Format::id).toList())));
        }
    }

    static final class ColorConverter implements ITypeConverter<QueryOptions.ColorMode> {
        @Override
        public QueryOptions.ColorMode convert(String value) {
            String v = value.strip().toUpperCase(Locale.ROOT);
            return Arrays.stream(QueryOptions.ColorMode.values()).filter(m -> m.name().equals(v)).findFirst()
                    .orElseThrow(() -> new TypeConversionException("'" + value
                            + "' is not a colour mode; use auto, always or never"));
        }
    }
}
