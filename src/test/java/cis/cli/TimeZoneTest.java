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
