/**
 * {@code cis}: answers questions about the Commonwealth of Independent States from the shell.
 *
 * <h2>Start-up rules</h2>
 *
 * A run of cis is a fresh JVM, so start-up is most of its cost (see the README's Performance
 * section and {@code src/bench/run.sh}). These rules keep it low. Each was measured before it was
 * adopted, and each is checked by {@code cis.PerformanceRulesTest} (or the test named), so that
 * breaking one fails the build rather than slowing every run unnoticed:
 *
 * <ol>
 *   <li><b>Every subcommand is trained.</b> The launcher's class-data archive holds the classes
 *       {@link cis.Training} loads; a subcommand it never runs would load and verify its classes
 *       from the jar on every call. {@code Training.COMMANDS} names every subcommand.
 *   <li><b>Only the command being run is modelled.</b> Picocli's reflection over a command costs
 *       milliseconds; {@code CisCommand.commandLine} builds the one asked for, and name-only stubs
 *       of the others for help and suggestions.
 *   <li><b>No Unicode tables for ASCII names.</b> {@code Names.normalize} folds plain ASCII itself;
 *       {@code java.text.Normalizer} is loaded only for other text. The ASCII fold must equal the
 *       full one on every string.
 *   <li><b>Records are compared by identity where they are shared.</b> A record's own
 *       {@code equals} and {@code hashCode} are bootstrapped through {@code invokedynamic} and
 *       compare every field, deep; query and rendering code uses {@code ==} and
 *       {@link cis.model.Identity}. No main code calls a model record's {@code equals}.
 *   <li><b>No {@code invokedynamic} string concatenation.</b> The compiler runs with
 *       {@code -XDstringConcat=inline}: no class refers to {@code StringConcatFactory}.
 *   <li><b>The bundled KB is read pre-parsed.</b> The build writes {@code kb.bin}
 *       ({@link cis.store.KbCodec}); {@code KbCodecTest} checks it holds what the YAML says.
 *   <li><b>The time zone is looked up only when a command needs today's date</b>, and then once
 *       ({@link cis.cli.SystemClock}: the offset of {@code TimeZone}, not java.time's second copy of
 *       the rules; {@code TimeZoneTest} checks the two agree in every zone).
 *   <li><b>No annotation is read at run time.</b> The build writes picocli's model of every command
 *       as builder calls ({@link cis.cli.docs.CommandModelSource}); reading the annotations made a
 *       proxy class per annotation type and scanned every method of every class, a third of a
 *       run. The annotations stay the declaration: {@code CommandModelTest} checks both models
 *       agree. A new kind of declaration the generator does not write fails the build.
 *   <li><b>A query makes nothing at run time.</b> Every class an everyday command loads comes from
 *       the archive: no class from the jar, no proxy, no lambda spun. The archive does not keep the
 *       lambdas of JDK helpers such as {@code Comparator.comparing}, nor code the training never
 *       ran: comparators on a query's path are classes, and the training runs each everyday
 *       command with its common options ({@code ClassDataArchiveIT} lists what a run made).
 *   <li><b>The launcher runs no program but java on a query's path</b>: shell builtins only; it
 *       recognises the build's JVM by file identity and its JDK's {@code release} file
 *       ({@code ClassDataArchiveIT} runs it with nothing but java on {@code PATH}).
 * </ol>
 */
package cis;
