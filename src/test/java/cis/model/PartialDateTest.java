package cis.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PartialDateTest {
    @Test
    void parsesDayMonthAndYearPrecision() {
        assertThat(PartialDate.parse("1994-04-08")).hasValueSatisfying(d -> {
            assertThat(d.isFull()).isTrue();
            assertThat(d.earliest()).isEqualTo(d.latest());
        });
        assertThat(PartialDate.parse("2022-02")).hasValueSatisfying(d -> {
            assertThat(d.earliest()).isEqualTo(LocalDate.of(2022, 2, 1));
            assertThat(d.latest()).isEqualTo(LocalDate.of(2022, 2, 28));
            assertThat(d).hasToString("2022-02");
        });
        assertThat(PartialDate.parse("1994"))
                .hasValueSatisfying(d -> assertThat(d.latest()).isEqualTo(LocalDate.of(1994, 12, 31)));
    }

    @Test
    void rejectsDatesThatDoNotExist() {
        assertThat(PartialDate.parse("2023-02-30")).isEmpty();
        assertThat(PartialDate.parse("2024-13")).isEmpty();
        assertThat(PartialDate.parse("24-01-01")).isEmpty();
        assertThat(PartialDate.parseFull("2023-02-29")).isEmpty();
        assertThat(PartialDate.parseFull("2024-02-29")).contains(LocalDate.of(2024, 2, 29));
        assertThat(PartialDate.parseFull("yesterday")).isEmpty();
    }

    @Test
    void ordersByEarliestThenLatest() {
        PartialDate month = PartialDate.parse("1993-12").orElseThrow();
        PartialDate day = PartialDate.parse("1993-12-03").orElseThrow();
        PartialDate first = PartialDate.parse("1993-12-01").orElseThrow();
        assertThat(first.compareTo(month)).isNegative();
        assertThat(month.compareTo(day)).isNegative();
    }
}
