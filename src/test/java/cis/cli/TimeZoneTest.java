package cis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import cis.TestRun;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/**
 * "Today" is the local date where cis runs. Around midnight two far-apart zones are on different
 * days, and the answer follows the day, which the output names.
 */
class TimeZoneTest {
    /** 22:30 UTC on 17 August 2009: already the 18th in Tbilisi, still the 17th in New York. */
    static final Instant NEAR_MIDNIGHT = Instant.parse("2009-08-17T22:30:00Z");

    static TestRun in(String zone) {
        return TestRun.piped().clock(Clock.fixed(NEAR_MIDNIGHT, ZoneId.of(zone)));
    }

    @Test
    void georgiasWithdrawalTookEffectOnTheLocalDay() {
        // the withdrawal took effect on 2009-08-18
        assertThat(in("Asia/Tbilisi").run("status", "Georgia").out())
                .startsWith("Georgia\tGE\tformer-member\t2009-08-18");
        assertThat(in("America/New_York").run("status", "Georgia").out()).startsWith("Georgia\tGE\tmember\t1993-12-03");
        assertThat(in("Asia/Tbilisi").run("status", "Georgia", "--is", "member").exitCode())
                .isEqualTo(1);
        assertThat(in("America/New_York")
                        .run("status", "Georgia", "--is", "member")
                        .exitCode())
                .isZero();
    }

    @Test
    void theDayUsedIsInTheOutput() {
        assertThat(in("Asia/Tbilisi").run("status", "Georgia", "--json").out()).contains("\"asOf\": \"2009-08-18\"");
        assertThat(in("America/New_York").run("status", "Georgia", "--json").out())
                .contains("\"asOf\": \"2009-08-17\"");
        TestRun.Result table = TestRun.terminal()
                .clock(Clock.fixed(NEAR_MIDNIGHT, ZoneId.of("Pacific/Kiritimati")))
                .run("states", "--color", "never");
        assertThat(table.out()).endsWith("As of 2009-08-18\n");
        TestRun.Result card = TestRun.terminal()
                .clock(Clock.fixed(NEAR_MIDNIGHT, ZoneId.of("Pacific/Pago_Pago")))
                .run("status", "Georgia", "--color", "never");
        assertThat(card.out()).contains("As of          2009-08-17");
    }

    /** The system clock's shortcut to today agrees with java.time in every zone, across DST changes and midnights. */
    @Test
    void theSystemClocksTodayIsJavaTimesLocalDate() {
        long start = Instant.parse("1991-01-01T00:00:00Z").toEpochMilli();
        long end = Instant.parse("2040-01-01T00:00:00Z").toEpochMilli();
        int checked = 0;
        // every zone the JVM can take as its default; ZoneId.systemDefault() is the default's toZoneId()
        for (String id : java.util.TimeZone.getAvailableIDs()) {
            java.util.TimeZone zone = java.util.TimeZone.getTimeZone(id);
            // every 7 days and 37 minutes: each hour of the day and each day of the week comes round
            for (long t = start; t < end; t += 7 * 86_400_000L + 37 * 60_000L) {
                assertThat(SystemClock.dayAt(t, zone))
                        .as("%s at %s", id, Instant.ofEpochMilli(t))
                        .isEqualTo(java.time.LocalDate.ofInstant(Instant.ofEpochMilli(t), zone.toZoneId()));
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(1_000_000);
        assertThat(new SystemClock().today())
                .isIn(
                        java.time.LocalDate.now(ZoneId.systemDefault()).minusDays(1),
                        java.time.LocalDate.now(ZoneId.systemDefault()));
    }

    @Test
    void anExplicitDayIsTheSameEverywhere() {
        assertThat(in("Asia/Tbilisi")
                        .run("status", "Georgia", "--as-of", "2009-08-17")
                        .out())
                .isEqualTo(in("America/New_York")
                        .run("status", "Georgia", "--as-of", "2009-08-17")
                        .out());
    }
}
