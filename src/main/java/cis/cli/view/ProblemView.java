package cis.cli.view;

import cis.model.Problem;
import cis.render.Cell;
import cis.render.Format;
import cis.render.Output;
import cis.render.Table;
import cis.render.Text;
import cis.render.View;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The problems of {@code cis validate}: {@code file:line:col: message} lines for people and editors, else rows. */
public final class ProblemView implements View<Problem> {
    @Override
    public Table shape(Format format) {
        return new Table(List.of("File", "Line", "Column", "Message"), List.of(), List.of(0, 3)).withDrop("Column");
    }

    @Override
    public List<List<Cell>> rows(Problem p, Format format) {
        return List.of(List.of(
                Cell.of(p.location().file()),
                Cell.of(p.location().line()),
                Cell.of(p.location().column()),
                Cell.of(p.message())));
    }

    @Override
    public Object tree(Problem p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", p.location().file());
        m.put("line", p.location().line());
        m.put("column", p.location().column());
        m.put("message", p.message());
        return m;
    }

    /** On a terminal and in plain output, the line compilers write, which editors jump to. */
    @Override
    public boolean cards(Format format) {
        return format == Format.TABLE || format == Format.PLAIN;
    }

    @Override
    public void card(Problem p, Output out) {
        out.out().print(Text.neutralize(p.toString(), false) + "\n");
    }

    @Override
    public String cardSeparator() {
        return "";
    }
}
