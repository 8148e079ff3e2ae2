package cis.cli.view;

import cis.render.Cell;
import cis.render.Format;
import cis.render.Output;
import cis.render.Style;
import cis.render.Table;
import cis.render.View;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** How {@code cis kb} (the knowledge base that answers, and why) and {@code cis kb list} look. */
public final class KbView {
    private KbView() {}

    /**
     * The knowledge base that answers: {@code from} is {@code --data}, {@code CIS_DATA}, {@code
     * installed} or {@code bundled}; {@code source} is where an installed one came from ({@code from},
     * {@code installed}, {@code signed-by}).
     */
    public record Answer(
            String version,
            String from,
            LocalDate reviewed,
            Optional<LocalDate> sourcesUpTo,
            Optional<String> path,
            boolean pinned,
            String why,
            Optional<String> warning,
            Map<String, String> source,
            String bundled) {
        public Answer {
            source = Map.copyOf(source);
        }
    }

    /** One knowledge base cis has: installed, or bundled. */
    public record Row(
            String version,
            String from,
            Optional<LocalDate> reviewed,
            Optional<LocalDate> sourcesUpTo,
            boolean inUse,
            boolean pinned,
            Optional<String> installed,
            Optional<String> path) {}

    static String label(String from) {
        return switch (from) {
            case "installed" -> "installed update";
            case "bundled" -> "bundled with cis";
            default -> "from " + from;
        };
    }

    /** {@code cis kb}: a card on a terminal, one row or object otherwise. */
    public static final class Active implements View<Answer> {
        @Override
        public Table shape(Format format) {
            return new Table(
                            List.of("Version", "From", "Reviewed", "Sources up to", "Path", "Pinned", "Why"),
                            List.of(),
                            List.of(4, 6))
                    .withDrop("Why", "Pinned", "Sources up to", "Path");
        }

        @Override
        public List<List<Cell>> rows(Answer a, Format format) {
            return List.of(List.of(
                    Cell.of(a.version()),
                    Cell.of(a.from()),
                    Cell.of(a.reviewed()),
                    Cell.of(a.sourcesUpTo().orElse(null)),
                    Cell.of(a.path().orElse("")),
                    Cell.of(a.pinned() ? "yes" : "no"),
                    Cell.of(a.why())));
        }

        @Override
        public Object tree(Answer a) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("version", a.version());
            m.put("from", a.from());
            m.put("reviewed", a.reviewed());
            m.put("sourcesUpTo", a.sourcesUpTo());
            m.put("path", a.path());
            m.put("pinned", a.pinned());
            m.put("why", a.why());
            m.put("warning", a.warning());
            m.put("source", a.source().isEmpty() ? null : sourceTree(a.source()));
            m.put("bundled", a.bundled());
            return m;
        }

        private static Map<String, Object> sourceTree(Map<String, String> source) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("url", source.get("from"));
            m.put("installed", source.get("installed"));
            m.put("signedBy", source.get("signed-by"));
            return m;
        }

        @Override
        public boolean cards(Format format) {
            return format == Format.TABLE;
        }

        @Override
        public void card(Answer a, Output out) {
            Card card = new Card(out, false);
            card.title(
                    "knowledge base " + a.version(),
                    label(a.from()),
                    a.warning().isPresent() ? Style.YELLOW : Style.GREEN);
            card.line("Why", a.why());
            a.warning().ifPresent(w -> card.line("Warning", w));
            card.line("Reviewed", a.reviewed().toString());
            a.sourcesUpTo().ifPresent(d -> card.line("Sources up to", d.toString()));
            card.line("Path", a.path().orElse("inside cis"));
            if (a.source().containsKey("from")) {
                card.line("Source", a.source().get("from"));
            }
            if (a.source().containsKey("installed")) {
                card.line("Installed", a.source().get("installed"));
            }
            if (a.source().containsKey("signed-by")) {
                card.line("Signed by", "key " + a.source().get("signed-by"));
            }
            if (a.from().equals("installed") || a.pinned()) {
                card.line(
                        "Pinned",
                        a.pinned()
                                ? "yes: 'cis update' installs newer ones but does not switch ('cis kb use latest' does)"
                                : "no: 'cis update' switches to a newer one");
            }
            if (!a.from().equals("bundled")) {
                card.line("Bundled", a.bundled());
            }
            card.sources();
        }
    }

    /** {@code cis kb list}: the installed knowledge bases, newest first, then the bundled one. */
    public static final class Listing implements View<Row> {
        @Override
        public Table shape(Format format) {
            return new Table(
                            List.of("Version", "From", "Reviewed", "Sources up to", "In use", "Installed", "Path"),
                            List.of(),
                            List.of(6))
                    .withDrop("Installed", "Sources up to", "Path");
        }

        @Override
        public List<List<Cell>> rows(Row r, Format format) {
            String inUse = r.inUse() ? (r.pinned() ? "yes, pinned" : "yes") : "";
            return List.of(List.of(
                    Cell.of(r.version(), r.inUse() ? Style.BOLD : Style.NONE),
                    Cell.of(r.from()),
                    Cell.of(r.reviewed().orElse(null)),
                    Cell.of(r.sourcesUpTo().orElse(null)),
                    Cell.of(format == Format.TABLE ? inUse : r.inUse() ? "yes" : "no", Style.GREEN),
                    Cell.of(r.installed().orElse("")),
                    Cell.of(r.path().orElse(format == Format.TABLE ? "inside cis" : ""))));
        }

        @Override
        public Object tree(Row r) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("version", r.version());
            m.put("from", r.from());
            m.put("reviewed", r.reviewed());
            m.put("sourcesUpTo", r.sourcesUpTo());
            m.put("inUse", r.inUse());
            m.put("pinned", r.pinned());
            m.put("installed", r.installed());
            m.put("path", r.path());
            return m;
        }
    }
}
