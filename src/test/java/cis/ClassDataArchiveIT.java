package cis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's class-data archive: trained once, in the background, by one run at a time;
 * published only when the training succeeded; named by build and JVM so that they coexist; mapped
 * only from directories and files private to the user.
 */
class ClassDataArchiveIT {
    /**
     * A JDK other than the one running the tests: {@code -Dcis.secondJdk=PATH}, else the first other
     * one under {@code /usr/lib/jvm} (the build machines have Temurin 25 there); none skips the test.
     */
    static final Optional<Path> SECOND_JDK = secondJdk();

    static Optional<Path> secondJdk() {
        String given = System.getProperty("cis.secondJdk", "");
        if (!given.isBlank()) {
            return Optional.of(Path.of(given));
        }
        try (Stream<Path> jdks = Files.list(Path.of("/usr/lib/jvm"))) {
            Path current = Path.of(System.getProperty("java.home")).toRealPath();
            for (Path jdk : jdks.sorted().toList()) {
                Path real = jdk.toRealPath();
                if (!real.equals(current)
                        && !Files.isSymbolicLink(jdk)
                        && Files.isExecutable(real.resolve("bin/java"))) {
                    return Optional.of(real);
                }
            }
        } catch (IOException e) {
            // no JDK directory here
        }
        return Optional.empty();
    }

    static final String REAL_JAVA =
            Path.of(System.getProperty("java.home"), "bin", "java").toString();

    /** A cache with the default JDK's archive, trained once for the tests that only need one to exist. */
    @TempDir
    static Path trained;

    @TempDir
    Path tmp;

    Path cacheHome;
    Path cds;

    @BeforeEach
    void paths() {
        cacheHome = tmp.resolve("cache");
        cds = cacheHome.resolve("cis/cds");
    }

    record Run(int code, String out, String err, boolean mapped) {}

    /** Runs the launcher (or another copy of it) with XDG_CACHE_HOME set, and says whether it mapped an archive. */
    Run cis(Path launcher, Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(launcher.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(tmp.toFile());
        pb.environment().remove("CIS_DATA");
        pb.environment().remove("CIS_CDS");
        pb.environment().put("XDG_CACHE_HOME", cacheHome.toString());
        Path log = tmp.resolve("classes-" + System.nanoTime() + ".log");
        pb.environment().put("JAVA_TOOL_OPTIONS", "-Xlog:class+load=info:file=" + log);
        pb.environment().putAll(env);
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8)
                .replaceAll("Picked up JAVA_TOOL_OPTIONS: .*\n", "");
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        boolean mapped = Files.exists(log) && Files.readString(log).contains("cis.Main source: shared objects file");
        return new Run(p.exitValue(), out, err, mapped);
    }

    /**
     * Most tests run an install whose build archive does not fit the JVM, as after the build's JDK
     * was upgraded in place (the launcher's recorded runtime version differs from its JDK's release
     * file): the jar, the build's archive and the launcher, copied. It must not hand the JVM that
     * archive, and trains one of its own, as with any JVM other than the build's.
     * {@link #theBuildsArchiveIsMappedFromTheFirstRun} runs the build's own install.
     */
    @TempDir
    static Path install;

    static Path launcherWithoutBuildArchive() throws IOException {
        Path launcher = install.resolve("cis");
        if (!Files.exists(launcher)) {
            Files.copy(LauncherIT.LAUNCHER.resolveSibling("cis.jar"), install.resolve("cis.jar"));
            Files.copy(LauncherIT.LAUNCHER.resolveSibling("cis.jsa"), install.resolve("cis.jsa"));
            String script = Files.readString(LauncherIT.LAUNCHER);
            assertThat(script).containsPattern("(?m)^build_runtime='.+'$");
            Files.writeString(
                    launcher, script.replaceFirst("(?m)^build_runtime='.*'$", "build_runtime='\"17.0.0+0-older\"'"));
            Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        return launcher;
    }

    Run cis(Map<String, String> env, String... args) throws IOException, InterruptedException {
        return cis(launcherWithoutBuildArchive(), env, args);
    }

    /**
     * With the build's archive, the everyday commands make nothing at run time: every class of cis
     * and picocli comes from the archive (the training ran them), no annotation is read (no proxy
     * class) and no lambda is spun. Each of these costs milliseconds on every run, unnoticed.
     */
    @Test
    void everydayCommandsLoadEverythingFromTheArchive() throws Exception {
        List<List<String>> commands = List.of(
                List.of("status", "Turkmenistan"),
                List.of("status", "Russia", "Georgia", "--json"),
                List.of("states", "--format", "json"),
                List.of("sessions", "--next"),
                List.of("officials", "--role", "chair"),
                List.of("--help"),
                List.of("status", "--help"),
                List.of("completion", "bash"));
        for (List<String> args : commands) {
            List<String> cmd = new ArrayList<>(List.of(LauncherIT.LAUNCHER.toString()));
            cmd.addAll(args);
            ProcessBuilder pb = new ProcessBuilder(cmd).directory(tmp.toFile());
            pb.environment().remove("CIS_DATA");
            pb.environment().remove("CIS_CDS");
            pb.environment().put("XDG_CACHE_HOME", cacheHome.toString());
            pb.environment().put("XDG_DATA_HOME", tmp.resolve("data").toString());
            Path log = tmp.resolve("classes-" + System.nanoTime() + ".log");
            pb.environment().put("JAVA_TOOL_OPTIONS", "-Xlog:class+load=info:file=" + log);
            Path err = tmp.resolve("stderr-" + System.nanoTime());
            pb.redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(err.toFile());
            Process p = pb.start();
            p.getOutputStream().close();
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as("%s", args).isZero();
            // picocli's own warnings go to the process's stderr, past the streams the in-process tests see
            assertThat(Files.readString(err)).as("stderr of %s", args).doesNotContain("picocli", "Exception");
            List<String> madeAtRunTime = Files.readAllLines(log).stream()
                    .filter(l -> l.contains("[class,load]") && !l.contains("source: shared objects file"))
                    .filter(l -> l.contains("] cis.")
                            || l.contains("] picocli.")
                            || l.contains("__dynamic_proxy__")
                            || l.contains("$$Lambda"))
                    .toList();
            assertThat(madeAtRunTime)
                    .as("classes %s loads or makes at run time", args)
                    .isEmpty();
        }
    }

    /**
     * A query runs no program but java: with nothing else on PATH (no dirname, cksum, mkdir, find)
     * the launcher still finds java, recognises the build's JVM and maps its archive.
     */
    @Test
    void aQueryRunsNoProgramButJava() throws Exception {
        Path bin = tmp.resolve("only-java");
        Files.createDirectories(bin);
        Files.createSymbolicLink(bin.resolve("java"), Path.of(REAL_JAVA));
        Map<String, String> env = new HashMap<>();
        env.put("PATH", bin.toString());
        env.put("JAVA_HOME", "");
        Run run = cis(LauncherIT.LAUNCHER, env, "status", "Turkmenistan");
        assertThat(run.err()).isEmpty();
        assertThat(run.code()).isZero();
        assertThat(run.out()).startsWith("Turkmenistan\t");
        assertThat(run.mapped()).isTrue();
    }

    @Test
    void theBuildsArchiveIsMappedFromTheFirstRun() throws Exception {
        assertThat(LauncherIT.LAUNCHER.resolveSibling("cis.jsa")).exists();
        Run first = cis(LauncherIT.LAUNCHER, Map.of(), "status", "Turkmenistan");
        assertThat(first.mapped()).isTrue();
        assertThat(first.err()).isEmpty();
        assertThat(cacheHome).doesNotExist(); // nothing to train: the build did
        Run off = cis(LauncherIT.LAUNCHER, Map.of("CIS_CDS", "off"), "status", "Turkmenistan");
        assertThat(off.mapped()).isFalse();
        assertThat(off.out()).isEqualTo(first.out());
        if (SECOND_JDK.isPresent()) { // another java cannot map the build's archive: it trains its own
            Run other = cis(
                    LauncherIT.LAUNCHER, Map.of("JAVA_HOME", SECOND_JDK.get().toString()), "status", "Russia");
            assertThat(other.err()).isEmpty();
            awaitTraining();
            assertThat(archives()).hasSize(1);
        }
    }

    /** This test's cache, holding a copy of the archive trained once for the class. */
    void withTrainedArchive() throws Exception {
        Path source = trained.resolve("cache/cis");
        if (!Files.isDirectory(source.resolve("cds"))) {
            Path saved = cacheHome;
            cacheHome = trained.resolve("cache");
            cds = cacheHome.resolve("cis/cds");
            cis(Map.of(), "status", "Russia");
            awaitTraining();
            cacheHome = saved;
            cds = cacheHome.resolve("cis/cds");
        }
        Files.createDirectories(cds);
        Files.setPosixFilePermissions(cacheHome.resolve("cis"), PosixFilePermissions.fromString("rwx------"));
        Files.setPosixFilePermissions(cds, PosixFilePermissions.fromString("rwx------"));
        try (Stream<Path> list = Files.list(source.resolve("cds"))) {
            for (Path a : list.filter(p -> p.toString().endsWith(".jsa")).toList()) {
                Files.copy(a, cds.resolve(a.getFileName()), java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
    }

    /** Waits for the background training the last run started, if any. */
    void awaitTraining() throws InterruptedException {
        for (int i = 0; i < 1200 && Files.exists(cds.resolve("training.lock")); i++) {
            Thread.sleep(100);
        }
        assertThat(cds.resolve("training.lock"))
                .as("training finished within two minutes")
                .doesNotExist();
    }

    List<String> files() throws IOException {
        if (!Files.isDirectory(cds)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(cds)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    List<String> archives() throws IOException {
        // a CDS archive (Java 17 to 23) or an AOT cache (24 and newer)
        return files().stream()
                .filter(n -> n.endsWith(".jsa") || n.endsWith(".aot"))
                .toList();
    }

    /** A java that wraps the real one, logs each training run, and fails it when told to. */
    Path fakeJavaHome() throws IOException {
        Path bin = Files.createDirectories(tmp.resolve("fake-jdk/bin"));
        Files.writeString(
                bin.resolve("java"),
                "#!/bin/sh\n"
                        + "for a; do case $a in -XX:ArchiveClassesAtExit=*)\n"
                        + "  echo training >>\"$TRAINING_LOG\"\n"
                        + "  if [ -e \"$FAIL_TRAINING\" ]; then printf 'half an archive' >\"${a#*=}\"; kill -9 $$; fi ;;\n"
                        + "esac; done\n"
                        + "exec " + REAL_JAVA + " \"$@\"\n");
        Files.setPosixFilePermissions(bin.resolve("java"), PosixFilePermissions.fromString("rwxr-xr-x"));
        return bin.getParent();
    }

    @Test
    void theFirstRunAnswersTrainsInTheBackgroundAndLaterRunsMapTheArchive() throws Exception {
        Run first = cis(Map.of(), "status", "Turkmenistan");
        assertThat(first.code()).isZero();
        assertThat(first.err()).isEmpty();
        assertThat(first.mapped()).isFalse();
        awaitTraining();
        assertThat(archives()).singleElement().asString().matches("cis-[0-9a-f]{16}-\\d+\\.jsa");
        assertThat(files()).hasSize(1); // no lock, no temporary file left
        for (Path dir : List.of(cacheHome.resolve("cis"), cds)) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)))
                    .isEqualTo("rwx------");
        }
        Run second = cis(Map.of(), "status", "Turkmenistan");
        assertThat(second.mapped()).isTrue();
        assertThat(second.out()).isEqualTo(first.out());
        assertThat(second.err()).isEmpty();
    }

    @Test
    void twoJdksAndTwoBuildsKeepTheirArchivesSideBySide() throws Exception {
        Assumptions.assumeTrue(SECOND_JDK.isPresent(), "no second JDK (set -Dcis.secondJdk=PATH)");
        Map<String, String> jdk25 = Map.of("JAVA_HOME", SECOND_JDK.get().toString());
        withTrainedArchive();
        cis(jdk25, "status", "Russia");
        awaitTraining();
        assertThat(archives()).anyMatch(a -> a.endsWith(".aot")); // the newer JDK's is an AOT cache
        // another build: the same jar under a launcher that names another digest
        Path other = Files.createDirectories(tmp.resolve("other-build"));
        Files.copy(LauncherIT.LAUNCHER.resolveSibling("cis.jar"), other.resolve("cis.jar"));
        Files.writeString(
                other.resolve("cis"),
                Files.readString(LauncherIT.LAUNCHER)
                        .replaceFirst("jar_sha256=[0-9a-f]+", "jar_sha256=" + "0".repeat(64)));
        Files.setPosixFilePermissions(other.resolve("cis"), PosixFilePermissions.fromString("rwxr-xr-x"));
        cis(other.resolve("cis"), Map.of(), "status", "Russia");
        awaitTraining();
        assertThat(archives()).hasSize(3);
        Map<String, FileTime> made = new HashMap<>();
        for (String a : archives()) {
            made.put(a, Files.getLastModifiedTime(cds.resolve(a)));
        }
        // alternating is free: each maps its own archive, none retrains
        assertThat(cis(Map.of(), "status", "Russia").mapped()).isTrue();
        assertThat(cis(jdk25, "status", "Russia").mapped()).isTrue();
        assertThat(cis(other.resolve("cis"), Map.of(), "status", "Russia").mapped())
                .isTrue();
        assertThat(cis(Map.of(), "status", "Russia").mapped()).isTrue();
        awaitTraining();
        for (String a : archives()) {
            assertThat(Files.getLastModifiedTime(cds.resolve(a))).isEqualTo(made.get(a));
        }
    }

    @Test
    void aTrainingThatFailsPublishesNothingAndTheNextRunTriesAgain() throws Exception {
        Path fail = Files.writeString(tmp.resolve("fail"), "");
        Map<String, String> env = Map.of(
                "JAVA_HOME",
                fakeJavaHome().toString(),
                "TRAINING_LOG",
                tmp.resolve("trainings").toString(),
                "FAIL_TRAINING",
                fail.toString());
        Run r = cis(env, "status", "Russia");
        assertThat(r.code()).isZero();
        awaitTraining();
        assertThat(files()).isEmpty(); // the half-written archive was not published, nor left behind
        Files.delete(fail);
        cis(env, "status", "Russia");
        awaitTraining();
        assertThat(archives()).hasSize(1);
        assertThat(cis(env, "status", "Russia").mapped()).isTrue();
        assertThat(Files.readAllLines(tmp.resolve("trainings"))).hasSize(2);
    }

    @Test
    void parallelFirstRunsTrainOnce() throws Exception {
        Map<String, String> env = Map.of(
                "JAVA_HOME",
                fakeJavaHome().toString(),
                "TRAINING_LOG",
                tmp.resolve("trainings").toString(),
                "FAIL_TRAINING",
                tmp.resolve("no").toString());
        List<Process> runs = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ProcessBuilder pb = new ProcessBuilder(LauncherIT.LAUNCHER.toString(), "status", "Russia");
            pb.environment().put("XDG_CACHE_HOME", cacheHome.toString());
            pb.environment().remove("CIS_CDS");
            pb.environment().putAll(env);
            runs.add(pb.redirectOutput(ProcessBuilder.Redirect.DISCARD).start());
        }
        for (Process p : runs) {
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).isZero();
        }
        awaitTraining();
        assertThat(Files.readAllLines(tmp.resolve("trainings"))).hasSize(1);
        assertThat(archives()).hasSize(1);
    }

    @Test
    void anArchiveOthersCouldHaveWrittenIsNeverMapped() throws Exception {
        withTrainedArchive();
        Path archive = cds.resolve(archives().get(0));
        Files.setPosixFilePermissions(archive, PosixFilePermissions.fromString("rw-rw-r--"));
        Run r = cis(Map.of(), "status", "Russia");
        assertThat(r.mapped()).isFalse();
        assertThat(r.out()).startsWith("Russia\t");
        awaitTraining(); // the untrusted archive is replaced by a new one of this user's
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(archive)))
                .doesNotContain("w");
        assertThat(cis(Map.of(), "status", "Russia").mapped()).isTrue();

        Files.setPosixFilePermissions(cds, PosixFilePermissions.fromString("rwxrwxrwx"));
        FileTime before = Files.getLastModifiedTime(archive);
        assertThat(cis(Map.of(), "status", "Russia").mapped()).isFalse();
        awaitTraining();
        assertThat(Files.getLastModifiedTime(archive)).isEqualTo(before); // nothing written there either
    }

    @Test
    void anArchiveOfAnotherUserIsNeverMapped() throws Exception {
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")), "only root can give files away");
        withTrainedArchive();
        Path archive = cds.resolve(archives().get(0));
        Files.setAttribute(archive, "unix:uid", 65534);
        assertThat(cis(Map.of(), "status", "Russia").mapped()).isFalse();
        awaitTraining();
        Files.setAttribute(cds, "unix:uid", 65534);
        assertThat(cis(Map.of(), "status", "Russia").mapped()).isFalse();
    }

    @Test
    void aSymlinkedCacheDirectoryIsNeitherUsedNorCleaned() throws Exception {
        Path victim = Files.createDirectories(tmp.resolve("victim/cds"));
        Files.writeString(victim.resolve("cis-0123456789abcdef-1.jsa"), "someone else's");
        Files.writeString(victim.resolve("cis-0123456789abcdef-1.jsa.99.tmp"), "someone else's");
        Files.createDirectories(cacheHome);
        Files.createSymbolicLink(cacheHome.resolve("cis"), victim.getParent());
        Run r = cis(Map.of(), "status", "Russia");
        assertThat(r.code()).isZero();
        assertThat(r.mapped()).isFalse();
        Thread.sleep(500);
        try (Stream<Path> list = Files.list(victim)) {
            assertThat(list.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("cis-0123456789abcdef-1.jsa", "cis-0123456789abcdef-1.jsa.99.tmp");
        }
    }

    @Test
    void aRelativeXdgCacheHomeIsIgnored() throws Exception {
        Path home = Files.createDirectories(tmp.resolve("home"));
        Run r = cis(Map.of("XDG_CACHE_HOME", "relative", "HOME", home.toString()), "status", "Russia");
        assertThat(r.code()).isZero();
        assertThat(tmp.resolve("relative")).doesNotExist();
        cds = home.resolve(".cache/cis/cds");
        awaitTraining();
        assertThat(archives()).hasSize(1);
    }

    @Test
    void anUnwritableCacheOnlyMeansNoArchive() throws Exception {
        Run r = cis(Map.of("XDG_CACHE_HOME", "/proc/cis-cannot-write", "HOME", "/proc/nowhere"), "status", "Russia");
        assertThat(r.code()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).startsWith("Russia\t");
    }
}
