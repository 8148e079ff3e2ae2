package cis.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class TableWriterTest {
    static final Table T = new Table(
            List.of("Name", "Note"),
            List.of(
                    List.of(Cell.of("a,b"), Cell.of("say \"hi\"")),
                    List.of(Cell.of("=HYPERLINK(\"http://x\")"), Cell.of("+1")),
                    List.of(Cell.of("evil\u001b]0;title\u0007"), Cell.of("tab\there\nnewline"))),
            1);

    static String write(Format f, boolean header, boolean color, int width) {
        StringWriter s = new StringWriter();
        TableWriter.write(T, f, new PrintWriter(s), header, color, width);
        return s.toString();
    }

    @Test
    void csvFollowsRfc4180AndDefusesFormulas() {
        assertThat(write(Format.CSV, true, false, 80))
                .isEqualTo("Name,Note\r\n"
                        + "\"a,b\",\"say \"\"hi\"\"\"\r\n"
                        + "\"'=HYPERLINK(\"\"http://x\"\")\",\"'+1\"\r\n"
                        + "\"evil␛]0;title␇\",\"tab␉here\nnewline\"\r\n");
    }

    @Test
    void terminalOutputNeutralizesEscapeSequences() {
        String table = write(Format.TABLE, true, false, 80);
        assertThat(table).doesNotContain("\u001b").doesNotContain("\u0007").contains("evil␛]0;title␇");
    }

    @Test
    void tsvAndPlainKeepOneRowPerLine() {
        assertThat(write(Format.TSV, true, false, 80).lines())
                .hasSize(4)
                .last()
                .isEqualTo("evil␛]0;title␇\ttab\\there\\nnewline");
        assertThat(write(Format.PLAIN, true, false, 80).lines()).hasSize(3);
    }

    @Test
    void markdownEscapesPipesAndNewlines() {
        StringWriter s = new StringWriter();
        TableWriter.write(
                new Table(List.of("A"), List.of(List.of(Cell.of("x|y\nz"))), -1),
                Format.MARKDOWN,
                new PrintWriter(s),
                true,
                false,
                80);
        assertThat(s.toString()).isEqualTo("| A |\n| --- |\n| x\\|y<br>z |\n");
    }

    @Test
    void tableWrapsTheWrapColumnToTheWidth() {
        Table t = new Table(
                List.of("State", "Note"),
                List.of(List.of(
                        Cell.of("Moldova"),
                        Cell.of("withdrawal pending since 2026-01-19, effective date not yet known"))),
                1);
        StringWriter s = new StringWriter();
        TableWriter.write(t, Format.TABLE, new PrintWriter(s), true, false, 40);
        assertThat(s.toString().lines())
                .allSatisfy(l -> assertThat(Text.width(l)).isLessThanOrEqualTo(40));
        assertThat(s.toString()).startsWith("STATE    NOTE\nMoldova  withdrawal pending since");
    }

    @Test
    void colourOnlyWhenAsked() {
        Table t = new Table(List.of("S"), List.of(List.of(Cell.of("member", Style.GREEN))), -1);
        StringWriter plain = new StringWriter();
        TableWriter.write(t, Format.TABLE, new PrintWriter(plain), true, false, 80);
        assertThat(plain.toString()).doesNotContain("\u001b");
        StringWriter coloured = new StringWriter();
        TableWriter.write(t, Format.TABLE, new PrintWriter(coloured), true, true, 80);
        assertThat(coloured.toString()).contains("\u001b[32mmember\u001b[0m");
    }

    @Test
    void widthCountsLettersNotBytes() {
        assertThat(Text.width("Chișinău")).isEqualTo(8);
        assertThat(Text.width("Туркмения")).isEqualTo(9);
    }
}
