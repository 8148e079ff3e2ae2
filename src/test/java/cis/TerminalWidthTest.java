package cis;

import static org.assertj.core.api.Assertions.assertThat;

import cis.render.Text;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Nothing cis prints on a terminal is wider than the terminal: every table, card and message, on
 * the bundled KB (the real, long texts), from 40 columns up. A line one column too wide makes the
 * terminal break it anywhere, mid-word.
 */
class TerminalWidthTest {
    private static final List<Integer> WIDTHS = List.of(40, 47, 60, 73, 80, 100, 120);
    private static final List<String> COMMANDS = List.of(
            "states",
            "states --as-of 1993-06-01",
            "states --status member",
            "status Moldova",
            "status Georgia Ukraine --history --sources",
            "status Russia Narnia Georgia",
            "officials",
            "officials --history",
            "officials --role chair --history",
            "officials Lebedev",
            "officials Muhriddin",
            "sessions",
            "sessions --next --as-of 2026-04-16",
            "sessions --past --limit 5 --sources",
            "--help",
            "states --help",
            "status --help",
            "officials --help",
            "sessions --help",
            "validate --help",
            "shell --help",
            "completion --help",
            "update --help",
            "kb --help",
            "kb pack --help",
            "kb",
            "kb list",
            "help status",
            "--version",
            "staets");

    static Stream<Arguments> cases() {
        return WIDTHS.stream().flatMap(w -> COMMANDS.stream().map(c -> Arguments.of(w, c)));
    }

    @ParameterizedTest(name = "{1} at {0} columns")
    @MethodSource("cases")
    void nothingIsWiderThanTheTerminal(int width, String command) {
        TestRun.Result r = TestRun.terminal().width(width).run(command.split(" "));
        for (String stream : List.of(r.out(), r.err())) {
            for (String line : stream.replaceAll("\u001b\\[[0-9;]*m", "").split("\n", -1)) {
                assertThat(Text.width(line))
                        .as("%s at %d columns: %s", command, width, line)
                        .isLessThanOrEqualTo(width);
            }
        }
        assertThat(r.exitCode()).isIn(0, 2, 3);
    }
}
