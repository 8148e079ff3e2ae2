package cis.query;

import static org.assertj.core.api.Assertions.assertThat;

import cis.model.Condition;
import cis.model.PartialDate;
import cis.model.Source;
import cis.model.State;
import cis.model.Status;
import cis.model.StatusPeriod;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StatusQueryTest {
    static final List<Source> SRC = List.of(Source.of("https://example.org"));
    static final LocalDate JOINED = LocalDate.of(1993, 12, 3);
    static final LocalDate LEFT = LocalDate.of(2009, 8, 18);

    static final State GEORGIA = new State(
            "georgia",
            "Georgia",
            "Georgia",
            "GE",
            "GEO",
            "Tbilisi",
            List.of(),
            List.of(
                    period(Status.NON_MEMBER, LocalDate.of(1991, 12, 8), JOINED),
                    period(Status.MEMBER, JOINED, LEFT),
                    period(Status.FORMER_MEMBER, LEFT, null)),
            List.of(
                    new Condition(
                            Condition.Kind.WITHDRAWAL_PENDING,
                            PartialDate.of(LocalDate.of(2008, 8, 18)),
                            Optional.of(PartialDate.of(LEFT)),
                            "Notice given.",
                            SRC),
                    new Condition(
                            Condition.Kind.PARTICIPATION_ENDED,
                            PartialDate.parse("2008-09").orElseThrow(),
                            Optional.empty(),
                            "Stopped attending.",
                            SRC)),
            List.of(),
            SRC);

    static StatusPeriod period(Status s, LocalDate from, LocalDate to) {
        return new StatusPeriod(s, from, Optional.ofNullable(to), Optional.empty(), false, SRC);
    }

    @Test
    void statusChangesOnTheDayAPeriodStartsAndNotBefore() {
        assertThat(StatusQuery.of(GEORGIA, JOINED.minusDays(1)).status()).isEqualTo(Status.NON_MEMBER);
        assertThat(StatusQuery.of(GEORGIA, JOINED).status()).isEqualTo(Status.MEMBER);
        assertThat(StatusQuery.of(GEORGIA, LEFT.minusDays(1)).status()).isEqualTo(Status.MEMBER);
        assertThat(StatusQuery.of(GEORGIA, LEFT).status()).isEqualTo(Status.FORMER_MEMBER);
        assertThat(StatusQuery.of(GEORGIA, LEFT).since()).contains(LEFT);
    }

    @Test
    void beforeTheFirstRecordAStateIsANonMemberWithoutASinceDate() {
        StateStatus s = StatusQuery.of(GEORGIA, LocalDate.of(1990, 1, 1));
        assertThat(s.status()).isEqualTo(Status.NON_MEMBER);
        assertThat(s.since()).isEmpty();
        assertThat(cis.cli.view.Wording.notes(s)).containsExactly("no record before 1991-12-08");
    }

    @Test
    void pendingWithdrawalRidesAlongsideMembershipUntilItTakesEffect() {
        assertThat(cis.cli.view.Wording.notes(StatusQuery.of(GEORGIA, LocalDate.of(2008, 8, 17))))
                .isEmpty();
        StateStatus pending = StatusQuery.of(GEORGIA, LocalDate.of(2008, 8, 18));
        assertThat(pending.status()).isEqualTo(Status.MEMBER);
        assertThat(cis.cli.view.Wording.notes(pending)).containsExactly("withdrawal pending, effective 2009-08-18");
        assertThat(cis.cli.view.Wording.notes(StatusQuery.of(GEORGIA, LEFT)))
                .doesNotContain("withdrawal pending, effective 2009-08-18");
    }

    @Test
    void aConditionKnownOnlyToTheMonthHoldsFromTheMonthsLastDay() {
        assertThat(StatusQuery.of(GEORGIA, LocalDate.of(2008, 9, 29)).conditions())
                .noneMatch(c -> c.kind() == Condition.Kind.PARTICIPATION_ENDED);
        assertThat(StatusQuery.of(GEORGIA, LocalDate.of(2008, 9, 30)).conditions())
                .anyMatch(c -> c.kind() == Condition.Kind.PARTICIPATION_ENDED);
    }

    @Test
    void everyDayHasExactlyOneStatus() {
        for (LocalDate d = LocalDate.of(1991, 1, 1); d.isBefore(LocalDate.of(2011, 1, 1)); d = d.plusDays(1)) {
            LocalDate day = d;
            long holding =
                    GEORGIA.periods().stream().filter(p -> p.contains(day)).count();
            assertThat(holding).as("periods holding on %s", d).isLessThanOrEqualTo(1);
            assertThat(StatusQuery.of(GEORGIA, d).status()).isNotNull();
        }
    }
}
