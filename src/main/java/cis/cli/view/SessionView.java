package cis.cli.view;

import cis.model.City;
import cis.model.Session;
import cis.model.Source;
import cis.model.State;
import cis.query.SessionsQuery;
import cis.render.Cell;
import cis.render.Format;
import cis.render.IcsWriter;
import cis.render.Style;
import cis.render.Table;
import cis.render.View;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** How sessions look in each format, the calendar included. */
public final class SessionView {
    public static final List<String> TERMINAL_HEADERS =
            List.of("Date", "Body", "City", "Country", "Kind", "Status", "Note");
    public static final List<String> HEADERS =
            List.of("Date", "End", "Body", "City", "Country", "Kind", "Status", "Note");
    public static final List<String> NEXT_HEADERS =
            List.of("Body", "Date", "Days", "City", "Country", "Kind", "Status");

    private SessionView() {}

    /** The session as a JSON object, its status as of {@code day}. */
    public static Map<String, Object> json(Session s, LocalDate day, boolean sources) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.id());
        m.put("body", s.body().id());
        m.put("date", s.date().toString());
        m.put("end", s.end());
        m.put("city", s.city().map(City::name));
        m.put("cityId", s.city().map(City::id));
        m.put("country", s.country().map(State::id));
        m.put("kind", s.kind().id());
        m.put("status", SessionsQuery.statusOn(s, day).id());
        m.put("movedTo", s.movedTo().map(Object::toString));
        m.put("chair", s.chair().map(State::id));
        m.put("participants", s.participants().stream().map(State::id).toList());
        m.put("title", s.title());
        m.put("note", s.note());
        m.put("uncertain", s.uncertain());
        if (sources) {
            m.put("sources", s.sources().stream().map(Source::url).toList());
        }
        return m;
    }

    /** Sessions: people see "2006-07-21/22" and labels; other formats get an End column and ids. */
    public record Sessions(LocalDate day, boolean sources) implements View<Session> {
        @Override
        public Table shape(Format format) {
            boolean forPeople = format == Format.TABLE;
            List<String> headers = new ArrayList<>(forPeople ? TERMINAL_HEADERS : HEADERS);
            if (sources && !forPeople) {
                headers.add("Sources");
            }
            // On a terminal a session is one or two lines; the whole note is in the other formats.
            return new Table(headers, List.of(), forPeople ? List.of(6, 2, 3) : List.of(7))
                    .withMaxLines(forPeople ? 2 : 0)
                    .withDrop("Kind", "Country", "Note", "Status");
        }

        @Override
        public List<List<Cell>> rows(Session s, Format format) {
            boolean forPeople = format == Format.TABLE;
            List<Cell> row = new ArrayList<>();
            if (forPeople) {
                row.add(Cell.of(s.date() + s.end().map(e -> "/" + endSuffix(s)).orElse("")));
            } else {
                row.add(Cell.of(s.date()));
                row.add(Cell.of(s.end().map(Object::toString).orElse("")));
            }
            row.add(Cell.of(forPeople ? s.body().shortName() : s.body().id()));
            row.add(Cell.of(s.city().map(City::name).orElse("")));
            row.add(Cell.of(s.country().map(State::name).orElse("")));
            row.add(Cell.of(s.kind().id()));
            SessionsQuery.Shown shown = SessionsQuery.statusOn(s, day);
            row.add(Cell.of(shown.id(), style(shown)));
            row.add(Cell.of(String.join("; ", notes(s))));
            if (sources && !forPeople) {
                row.add(Cell.of(
                        String.join(" ", s.sources().stream().map(Source::url).toList())));
            }
            return List.of(row);
        }

        @Override
        public Object tree(Session s) {
            return json(s, day, sources);
        }
    }

    /** {@code --next}: the next session of each body, with the days to go. */
    public record Nexts(LocalDate day, boolean sources) implements View<SessionsQuery.Next> {
        @Override
        public Table shape(Format format) {
            return new Table(NEXT_HEADERS, List.of(), List.of(3, 4)).withDrop("Kind", "Country", "Days");
        }

        @Override
        public List<List<Cell>> rows(SessionsQuery.Next n, Format format) {
            boolean forPeople = format == Format.TABLE;
            Session s = n.session();
            SessionsQuery.Shown shown = SessionsQuery.statusOn(s, day);
            return List.of(List.of(
                    Cell.of(forPeople ? s.body().shortName() : s.body().id()),
                    Cell.of(s.date()),
                    Cell.of(
                            forPeople
                                    ? (n.days() == 0 ? "today" : "in " + n.days() + (n.days() == 1 ? " day" : " days"))
                                    : String.valueOf(n.days())),
                    Cell.of(s.city().map(City::name).orElse("")),
                    Cell.of(s.country().map(State::name).orElse("")),
                    Cell.of(s.kind().id()),
                    Cell.of(shown.id(), style(shown))));
        }

        @Override
        public Object tree(SessionsQuery.Next n) {
            return nextJson(n, day, sources);
        }
    }

    /** "22" for a session ending the same month, else the full end date. */
    private static String endSuffix(Session s) {
        String end = s.end().orElseThrow().toString();
        String start = s.date().toString();
        return end.substring(0, 7).equals(start.substring(0, 7)) ? end.substring(8) : end;
    }

    public static List<String> notes(Session s) {
        List<String> notes = new ArrayList<>();
        s.title().ifPresent(notes::add);
        s.movedTo().ifPresent(m -> notes.add("moved to " + m));
        if (s.uncertain()) {
            notes.add("uncertain");
        }
        s.note().ifPresent(notes::add);
        return notes;
    }

    public static Style style(SessionsQuery.Shown status) {
        return switch (status) {
            case HELD -> Style.NONE;
            case SCHEDULED -> Style.CYAN;
            case UNCONFIRMED, POSTPONED -> Style.YELLOW;
            case CANCELLED -> Style.RED;
        };
    }

    public static Map<String, Object> nextJson(SessionsQuery.Next n, LocalDate asOf, boolean sources) {
        Map<String, Object> m = json(n.session(), asOf, sources);
        m.put("daysToGo", n.days());
        m.put("asOf", asOf);
        return m;
    }

    /** A session as a calendar event; empty when its day is not known (a month is not an all-day event). */
    public static Optional<IcsWriter.Event> event(Session s, LocalDate day) {
        if (!s.date().isFull()) {
            return Optional.empty();
        }
        SessionsQuery.Shown shown = SessionsQuery.statusOn(s, day);
        String summary = "CIS " + s.body().name()
                + (s.kind() == Session.Kind.REGULAR ? "" : " (" + s.kind().id() + ")")
                + (shown == SessionsQuery.Shown.HELD || shown == SessionsQuery.Shown.SCHEDULED
                        ? ""
                        : " [" + shown.id() + "]");
        Optional<String> location = s.city()
                .map(c -> c.name() + ", " + c.state().name())
                .or(() -> s.kind() == Session.Kind.VIDEO ? Optional.of("Videoconference") : Optional.empty());
        StringBuilder d = new StringBuilder();
        s.title().ifPresent(t -> d.append(t).append('\n'));
        d.append("Status: ").append(shown.id()).append('\n');
        s.movedTo().ifPresent(m -> d.append("Moved to: ").append(m).append('\n'));
        s.chair().ifPresent(c -> d.append("Chair: ").append(c.name()).append('\n'));
        if (!s.participants().isEmpty()) {
            d.append("Participants: ")
                    .append(String.join(
                            ", ", s.participants().stream().map(State::name).toList()))
                    .append('\n');
        }
        s.note().ifPresent(n -> d.append(n).append('\n'));
        d.append("Sources:");
        s.sources().forEach(src -> d.append('\n').append(src.url()));
        String status = switch (shown) {
            case HELD -> "CONFIRMED";
            case SCHEDULED, UNCONFIRMED -> "TENTATIVE";
            case POSTPONED, CANCELLED -> "CANCELLED";
        };
        return Optional.of(new IcsWriter.Event(
                s.id() + "@cis.sessions",
                s.date().earliest(),
                s.lastDay(),
                summary,
                location,
                d.toString(),
                status,
                List.of(s.body().shortName())));
    }
}
