package cis.cli.view;

import cis.model.Source;
import cis.render.Output;
import cis.render.Style;
import cis.render.Text;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * A readable card for one thing (a state, a person, a session) on a terminal: a title line, blocks
 * of aligned "key  value" lines wrapped to the width, and numbered citations at the end.
 */
public final class Card {
    private final Output o;
    private final boolean cite;
    private final List<Source> cited = new ArrayList<>();
    private final List<String[]> block = new ArrayList<>();

    public Card(Output o, boolean cite) {
        this.o = o;
        this.cite = cite;
    }

    /** The first line: a bold name and a styled qualifier ("Turkmenistan  associate member"). */
    public void title(String name, String qualifier, Style style) {
        String n = Text.truncate(Text.neutralize(name, false), o.width());
        String q = Text.neutralize(qualifier, false);
        boolean oneLine = Text.width(n) + 2 + Text.width(q) <= o.width();
        o.out()
                .print(Style.BOLD.apply(n, o.color())
                        + (q.isEmpty()
                                ? ""
                                : (oneLine ? "  " : "\n  ") + style.apply(Text.truncate(q, o.width() - 2), o.color()))
                        + "\n");
    }

    public void line(String key, String value) {
        block.add(new String[] {key, value});
    }

    /** Starts a new block under a bold heading. */
    public void section(String heading) {
        flush();
        o.out().print("\n" + Style.BOLD.apply(heading, o.color()) + "\n");
    }

    /** " [1][2]" marks for these sources, numbered in order of first citation; "" when not citing. */
    public String refs(List<Source> sources) {
        if (!cite || sources.isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder(" ");
        for (Source s : sources) {
            int i = cited.indexOf(s);
            if (i < 0) {
                cited.add(s);
                i = cited.size() - 1;
            }
            b.append('[').append(i + 1).append(']');
        }
        return b.toString();
    }

    /** Ends the card: prints the last block and, when citing, the numbered sources. */
    public void sources() {
        if (cite && !cited.isEmpty()) {
            section("Sources");
            for (int i = 0; i < cited.size(); i++) {
                Source s = cited.get(i);
                String title = s.title().orElse("");
                String about = s.publisher().isEmpty() || names(title, s)
                        ? title
                        : title.isEmpty()
                                ? s.publisher().get().name()
                                : title + " (" + s.publisher().get().name() + ")";
                line(
                        "[" + (i + 1) + "]",
                        s.url()
                                + (about.isEmpty() ? "" : "\n" + about)
                                + s.archive().map(a -> "\narchived: " + a).orElse(""));
            }
        }
        flush();
        o.out().flush();
    }

    /** Whether a source's title already names its publisher, by name or by the site's host. */
    static boolean names(String title, Source s) {
        String t = title.toLowerCase(java.util.Locale.ROOT);
        String host;
        try {
            host = java.net.URI.create(s.url()).getHost();
        } catch (IllegalArgumentException e) { // a user's KB may hold anything
            host = null;
        }
        host = host == null ? "" : host.toLowerCase(java.util.Locale.ROOT).replaceFirst("^www\\.", "");
        return t.contains(s.publisher().get().name().toLowerCase(java.util.Locale.ROOT))
                || !host.isEmpty() && t.contains(host);
    }

    /** Below this many columns beside the keys, values go under their keys instead. */
    private static final int MIN_VALUE_WIDTH = 20;

    private void flush() {
        PrintWriter out = o.out();
        int keyWidth = block.stream().mapToInt(l -> Text.width(l[0])).max().orElse(0);
        int valueWidth = o.width() - keyWidth - 4;
        if (valueWidth < MIN_VALUE_WIDTH) {
            stacked(out);
            return;
        }
        for (String[] l : block) {
            List<String> wrapped = Text.wrap(Text.neutralize(l[1], true), valueWidth);
            for (int i = 0; i < wrapped.size(); i++) {
                String key = i == 0 ? Text.neutralize(l[0], false) : "";
                out.print(("  " + Text.pad(key, keyWidth) + "  " + wrapped.get(i)).stripTrailing() + "\n");
            }
        }
        block.clear();
    }

    /** A narrow terminal: each key on its own line, its value indented under it. */
    private void stacked(PrintWriter out) {
        int valueWidth = Math.max(1, o.width() - 6);
        for (String[] l : block) {
            out.print("  " + Text.truncate(Text.neutralize(l[0], false), o.width() - 2) + "\n");
            for (String line : Text.wrap(Text.neutralize(l[1], true), valueWidth)) {
                out.print(("      " + line).stripTrailing() + "\n");
            }
        }
        block.clear();
    }
}
