package cis.cli;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.TimeZone;

/**
 * The system clock in the system's time zone, looked up only when a command asks for today's date:
 * loading the time-zone rules costs start-up time that --help, --as-of and completion do not need.
 */
public final class SystemClock extends Clock {
    /** 2037-01-01T00:00Z: from here on, {@link #today} asks java.time. */
    private static final long JAVA_TIME_FROM = 2_114_380_800_000L;

    private ZoneId zone;

    @Override
    public ZoneId getZone() {
        if (zone == null) {
            zone = ZoneId.systemDefault();
        }
        return zone;
    }

    /**
     * Today in the system's time zone: the same day as {@code LocalDate.now(this)}, from the zone's
     * offset now. java.time's zone rules are a second copy of the time-zone database to load on top of
     * the one {@link TimeZone#getDefault} reads, and a query needs only today's date.
     */
    public LocalDate today() {
        return dayAt(System.currentTimeMillis(), TimeZone.getDefault());
    }

    /** The local date in {@code zone} at {@code millis} since the epoch. */
    static LocalDate dayAt(long millis, TimeZone zone) {
        if (millis >= JAVA_TIME_FROM) { // the old API's transition tables end in 2037 (a test found where they differ)
            return LocalDate.ofInstant(Instant.ofEpochMilli(millis), zone.toZoneId());
        }
        return LocalDate.ofEpochDay(Math.floorDiv(millis + zone.getOffset(millis), 86_400_000L));
    }

    @Override
    public Clock withZone(ZoneId z) {
        return Clock.system(z);
    }

    @Override
    public Instant instant() {
        return Instant.now();
    }
}
