package cis.render;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/**
 * Writes all-day events as an iCalendar file (RFC 5545): CRLF line ends, lines folded at 75
 * octets without splitting a UTF-8 character, and TEXT values escaped.
 */
public final class IcsWriter {
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    /** One all-day event; {@code end} is its last day (the file says the day after, as RFC 5545 wants). */
    public record Event(
            String uid,
            LocalDate start,
            LocalDate end,
            String summary,
            Optional<String> location,
            String description,
            String status,
            List<String> categories) {}

    private IcsWriter() {}

    /**
     * Writes the events as one calendar.
     *
     * @param stamp when the data was made (DTSTAMP); a fixed day keeps the file the same for the same KB
     */
    public static void write(List<Event> events, String productId, LocalDate stamp, PrintWriter out) {
        line(out, "BEGIN:VCALENDAR");
        line(out, "VERSION:2.0");
        line(out, "PRODID:" + productId);
        line(out, "CALSCALE:GREGORIAN");
        line(out, "METHOD:PUBLISH");
        for (Event e : events) {
            line(out, "BEGIN:VEVENT");
            line(out, "UID:" + e.uid());
            line(out, "DTSTAMP:" + stamp.format(DAY) + "T000000Z");
            line(out, "DTSTART;VALUE=DATE:" + e.start().format(DAY));
            line(out, "DTEND;VALUE=DATE:" + e.end().plusDays(1).format(DAY));
            line(out, "SUMMARY:" + escape(e.summary()));
            e.location().ifPresent(l -> line(out, "LOCATION:" + escape(l)));
            line(out, "DESCRIPTION:" + escape(e.description()));
            line(out, "STATUS:" + e.status());
            line(out, "TRANSP:TRANSPARENT");
            if (!e.categories().isEmpty()) {
                line(
                        out,
                        "CATEGORIES:"
                                + String.join(
                                        ",",
                                        e.categories().stream()
                                                .map(IcsWriter::escape)
                                                .toList()));
            }
            line(out, "END:VEVENT");
        }
        line(out, "END:VCALENDAR");
        out.flush();
    }

    /** TEXT escaping: backslash, semicolon, comma and newline; other control characters dropped. */
    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> b.append("\\\\");
                case ';' -> b.append("\\;");
                case ',' -> b.append("\\,");
                case '\n' -> b.append("\\n");
                default -> {
                    if (!Character.isISOControl(c)) {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }

    /** Writes a content line folded to at most 75 octets per physical line. */
    private static void line(PrintWriter out, String content) {
        int octets = 0;
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < content.length(); ) {
            int cp = content.codePointAt(i);
            String ch = new String(Character.toChars(cp));
            int n = ch.getBytes(StandardCharsets.UTF_8).length;
            if (octets + n > 75) {
                b.append("\r\n ");
                octets = 1;
            }
            b.append(ch);
            octets += n;
            i += Character.charCount(cp);
        }
        out.print(b.append("\r\n"));
    }
}
