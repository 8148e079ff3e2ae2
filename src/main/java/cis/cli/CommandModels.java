package cis.cli;

import picocli.CommandLine.Model.CommandSpec;

/**
 * picocli's models of cis's commands as the build wrote them ({@code GeneratedCommandModels}, made
 * by {@link cis.cli.docs.CommandModelSource} from the annotations): building one is plain builder
 * calls, where reading the annotations costs a run tens of milliseconds of reflection. Where there
 * is no generated model (a command the generator leaves out, or classes compiled without the
 * build's generator step) picocli reads the annotations, as it always could. Every Maven build
 * writes the models anew; an IDE that compiles into {@code target/classes} without Maven keeps the
 * last ones, so run {@code mvn process-classes} after changing a command's options there.
 */
abstract class CommandModels {
    private static final CommandModels GENERATED = load();

    private static CommandModels load() {
        try {
            return (CommandModels) Class.forName("cis.cli.GeneratedCommandModels")
                    .getDeclaredConstructor()
                    .newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            return null; // not generated: the annotations it is
        }
    }

    /** The model of {@code command}, an instance; null when none was generated for its class. */
    abstract CommandSpec of(Object command);

    /** The model of a new instance of {@code type}; null when none was generated for it. */
    abstract CommandSpec of(Class<?> type);

    /**
     * The header and description lines of command {@code type}, as its annotation gives them (for
     * the name-and-summary stubs of root help); null when none were generated for it.
     */
    abstract String[][] summary(Class<?> type);

    /** {@link #summary}, read from the generated models, else from the annotation. */
    static String[][] summaryOf(Class<?> type) {
        String[][] s = GENERATED == null ? null : GENERATED.summary(type);
        if (s != null) {
            return s;
        }
        picocli.CommandLine.Command command = type.getAnnotation(picocli.CommandLine.Command.class);
        return new String[][] {command.header(), command.description()};
    }

    /** What to give {@code new CommandLine(…)} for {@code command}: its generated model, else the object itself. */
    static Object model(Object command) {
        CommandSpec spec = GENERATED == null ? null : GENERATED.of(command);
        return spec != null ? spec : command;
    }

    /** What to give {@code new CommandLine(…)} for {@code type}: a generated model, else the class itself. */
    static Object model(Class<?> type) {
        CommandSpec spec = GENERATED == null ? null : GENERATED.of(type);
        return spec != null ? spec : type;
    }

    /** Whether the build generated the models (tests check both ways agree). */
    static boolean generated() {
        return GENERATED != null;
    }
}
