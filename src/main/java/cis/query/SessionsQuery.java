package cis.query;

import cis.model.Body;
import cis.model.City;
import cis.model.Identity;
import cis.model.KnowledgeBase;
import cis.model.Session;
import cis.model.State;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Sessions filtered by body, dates, place and kind; and the next session of each body. */
@SuppressWarnings(
        "ReferenceEquality") // KB records are shared, never copied: identity is equality (see cis/package-info)
public final class SessionsQuery {
    private SessionsQuery() {}

    public enum When {
        ANY,
        UPCOMING,
        PAST
    }

    /** Every condition a session must meet; empty optionals impose nothing. */
    public record Filter(
            Optional<Body> body,
            Optional<Integer> year,
            Optional<LocalDate> from,
            Optional<LocalDate> to,
            Optional<City> city,
            Optional<State> country,
            Optional<Session.Kind> kind,
            When when,
            LocalDate asOf) {

        public boolean test(Session s) {
            return body.map(b -> s.body() == b).orElse(true)
                    && year.map(y -> s.date().year() == y).orElse(true)
                    && from.map(d -> !s.lastDay().isBefore(d)).orElse(true)
                    && to.map(d -> !s.date().earliest().isAfter(d)).orElse(true)
                    && city.map(c -> s.city().filter(sc -> sc == c).isPresent()).orElse(true)
                    && country.map(c -> s.country().filter(sc -> sc == c).isPresent())
                            .orElse(true)
                    && kind.map(k -> s.kind() == k).orElse(true)
                    && switch (when) {
                        case ANY -> true;
                        case UPCOMING -> !s.lastDay().isBefore(asOf);
                        case PAST -> s.lastDay().isBefore(asOf);
                    };
        }
    }

    /** Newest first, or oldest first; sessions of one day in body order. */
    public static List<Session> find(KnowledgeBase kb, Filter filter, boolean newestFirst, int limit) {
        Comparator<Session> order = new ByDateThenBody(kb.bodies().all(), newestFirst ? -1 : 1);
        List<Session> out = new ArrayList<>();
        for (Session s : kb.sessions().all()) {
            if (filter.test(s)) {
                out.add(s);
            }
        }
        out.sort(order);
        return limit > 0 && out.size() > limit ? out.subList(0, limit) : out;
    }

    // Comparators as classes and loops rather than streams: every 'cis sessions' sorts, and
    // Comparator.comparing's lambdas are spun afresh by every JVM (a class-data archive does not keep them).
    private static final class ByDateThenBody implements Comparator<Session> {
        private final List<Body> bodies;
        private final int sign;

        ByDateThenBody(List<Body> bodies, int sign) {
            this.bodies = bodies;
            this.sign = sign;
        }

        @Override
        public int compare(Session a, Session b) {
            int c = a.date().compareTo(b.date());
            if (c == 0) {
                c = Integer.compare(Identity.indexOf(bodies, a.body()), Identity.indexOf(bodies, b.body()));
            }
            return sign * c;
        }
    }

    /** What a session is as of a day: the KB records what happened, the day decides what was known. */
    public enum Shown {
        /** Its day has come and a source shows it was held. */
        HELD,
        /** Its day has not come yet. */
        SCHEDULED,
        /** Its day has passed and no source shows it was held. */
        UNCONFIRMED,
        POSTPONED,
        CANCELLED;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * The session as of {@code day}: before its first possible day one that went ahead is
     * {@code scheduled} (whatever happened later); once its last possible day has passed, one that
     * no source confirms is {@code unconfirmed}, never "scheduled" in the past. Postponed and
     * cancelled sessions show what the KB records.
     */
    public static Shown statusOn(Session s, LocalDate day) {
        return switch (s.status()) {
            case POSTPONED -> Shown.POSTPONED;
            case CANCELLED -> Shown.CANCELLED;
            case HELD -> day.isBefore(s.date().earliest()) ? Shown.SCHEDULED : Shown.HELD;
            case SCHEDULED -> day.isAfter(s.lastDay()) ? Shown.UNCONFIRMED : Shown.SCHEDULED;
        };
    }

    /** A session still to come, and how many days away its first day is. */
    public record Next(Session session, long days) {}

    /**
     * The next session of each body (only {@code body}, if given) on or after {@code day} that is not
     * cancelled or postponed, in body order. Sessions known only to the month count from the month's
     * first day.
     */
    public static List<Next> next(KnowledgeBase kb, Optional<Body> body, LocalDate day) {
        List<Next> out = new ArrayList<>();
        for (Body b : kb.bodies().all()) {
            if (body.isPresent() && body.get() != b) {
                continue;
            }
            Session first = null;
            for (Session s : kb.sessions().all()) {
                if (s.body() == b
                        && !s.lastDay().isBefore(day)
                        && (s.status() == Session.Status.HELD || s.status() == Session.Status.SCHEDULED)
                        && (first == null || s.date().compareTo(first.date()) < 0)) {
                    first = s;
                }
            }
            if (first != null) {
                out.add(new Next(
                        first,
                        Math.max(0, ChronoUnit.DAYS.between(day, first.date().earliest()))));
            }
        }
        return out;
    }
}
