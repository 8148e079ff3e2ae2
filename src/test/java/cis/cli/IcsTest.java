package cis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import cis.TestRun;
import java.io.StringReader;
import java.util.List;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;

/** The calendar cis writes parses back, with a real iCalendar library, into the sessions it came from. */
class IcsTest {
    private static Calendar parse(String ics) throws Exception {
        return new CalendarBuilder().build(new StringReader(ics));
    }

    @Test
    void everySessionWithAKnownDayBecomesAnAllDayEvent() throws Exception {
        TestRun.Result r = TestRun.piped().run("sessions", "--format", "ics");
        assertThat(r.exitCode()).isZero();
        Calendar cal = parse(r.out());
        List<VEvent> events = cal.getComponents("VEVENT");
        TestRun.Result json = TestRun.piped().run("sessions", "--json");
        long withDay = json.out()
                .lines()
                .filter(l -> l.matches("\\s+\"date\": \"\\d{4}-\\d{2}-\\d{2}\","))
                .count();
        assertThat(events).hasSize((int) withDay);
        assertThat(r.err())
                .matches(
                        "cis: \\d+ sessions are left out of the calendar: the day is not known, only the month or year.\\n");
        assertThat(events).extracting(e -> e.getUid().orElseThrow().getValue()).doesNotHaveDuplicates();
    }

    @Test
    void theDushanbeForeignMinistersSessionRoundTrips() throws Exception {
        TestRun.Result r = TestRun.piped()
                .run("sessions", "--city", "Dushanbe", "--year", "2022", "--body", "CFM", "--format", "ics");
        Calendar cal = parse(r.out());
        List<VEvent> events = cal.getComponents("VEVENT");
        assertThat(events).hasSize(1);
        VEvent e = events.get(0);
        assertThat(e.getUid().orElseThrow().getValue()).isEqualTo("foreign-ministers-2022-05-13-dushanbe@cis.sessions");
        assertThat(e.getDateTimeStart().orElseThrow().getValue()).isEqualTo("20220513");
        assertThat(e.getDateTimeEnd().orElseThrow().getValue()).isEqualTo("20220514");
        assertThat(e.getLocation().orElseThrow().getValue()).isEqualTo("Dushanbe, Tajikistan");
        assertThat(e.getSummary().orElseThrow().getValue()).isEqualTo("CIS Council of Foreign Ministers");
        String description = e.getDescription().orElseThrow().getValue();
        assertThat(description)
                .contains("Participants: Armenia, Azerbaijan, Belarus, Kazakhstan, Kyrgyzstan, Moldova, "
                        + "Russia, Tajikistan, Turkmenistan, Uzbekistan")
                .contains("Sources:\nhttp");
    }

    @Test
    void uidsAreStableAcrossRunsAndDays() {
        String a = TestRun.piped()
                .run("sessions", "--year", "2025", "--format", "ics")
                .out();
        String b = TestRun.piped()
                .run("sessions", "--year", "2025", "--format", "ics", "--as-of", "2030-01-01")
                .out();
        assertThat(a).isEqualTo(b).contains("UID:heads-of-state-2025-10-10-dushanbe@cis.sessions");
    }

    @Test
    void linesAreFoldedAt75OctetsWithCrlf() {
        String ics = TestRun.piped().run("sessions", "--format", "ics").out();
        assertThat(ics).startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n").endsWith("END:VCALENDAR\r\n");
        for (String line : ics.split("\r\n", -1)) {
            assertThat(line.getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
                    .isLessThanOrEqualTo(75);
        }
        assertThat(ics.replace("\r\n", "")).doesNotContain("\n");
    }
}
