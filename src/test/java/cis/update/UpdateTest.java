package cis.update;

import static org.assertj.core.api.Assertions.assertThat;

import cis.TestRun;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cis update} as a user meets it, against a real HTTP server started here (and one acting as
 * a proxy): an update changes the answer and a rollback brings the old one back; every kind of bad
 * input is refused with one line, its documented exit code, and the answers exactly as they were.
 * Keys are made here, with {@code cis kb keygen}; no private key is committed.
 */
class UpdateTest {
    @TempDir
    static Path shared;

    static Path kb2;
    static Path keyPub;
    static Path keyPem;
    static KeyPair key;
    static KeyPair otherKey;
    static byte[] good;
    static String base;
    static HttpServer server;
    static HttpServer proxy;
    static ExecutorService pool;
    static final List<String> proxied = new CopyOnWriteArrayList<>();
    static final Map<String, byte[]> bodies = new LinkedHashMap<>();

    @TempDir
    Path home;

    /** cis with a home of its own: the installed KBs, trusted keys and caches live in temporary directories. */
    TestRun cis() {
        return TestRun.piped()
                .env("HOME", home.resolve("home").toString())
                .env("XDG_DATA_HOME", home.resolve("data").toString())
                .env("XDG_CONFIG_HOME", home.resolve("config").toString())
                .env("XDG_CACHE_HOME", home.resolve("cache").toString());
    }

    @BeforeAll
    static void aChangedKbPackedAndServed() throws Exception {
        // the bundled KB with one fact changed: Turkmenistan an associate member from 2005-09-01
        kb2 = copy(Path.of("data"), shared.resolve("kb2"));
        edit(kb2.resolve("kb.yaml"), "version: \"2026.12.1\"", "version: \"2026.12.2\"");
        edit(kb2.resolve("states.yaml"), "2005-08-26", "2005-09-01");
        TestRun.Result keygen = TestRun.piped()
                .run("kb", "keygen", "--out", shared.resolve("test-key").toString());
        assertThat(keygen.exitCode()).as(keygen.err()).isZero();
        keyPem = shared.resolve("test-key.pem");
        keyPub = shared.resolve("test-key.pub");
        assertThat(Files.getPosixFilePermissions(keyPem)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        key = new KeyPair(
                Keys.readPublic(Files.readString(keyPub), "pub"), Keys.readPrivate(Files.readString(keyPem), "pem"));
        otherKey = Keys.generate();
        Path bundle = shared.resolve("kb2.tar.gz");
        TestRun.Result pack = TestRun.piped()
                .run("kb", "pack", kb2.toString(), "--out", bundle.toString(), "--sign-key", keyPem.toString());
        assertThat(pack.exitCode()).as(pack.err()).isZero();
        assertThat(pack.out()).startsWith("Packed knowledge base 2026.12.2 (reviewed 2026-12-01) into ");
        good = Files.readAllBytes(bundle);

        pool = Executors.newCachedThreadPool();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(pool);
        server.createContext("/", UpdateTest::serve);
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
        proxy = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        proxy.setExecutor(pool);
        proxy.createContext("/", exchange -> {
            proxied.add(exchange.getRequestURI().toString());
            if (exchange.getRequestURI().toString().equals("http://cis-kb.invalid/kb.tar.gz")) {
                send(exchange, 200, good);
            } else {
                send(exchange, 502, new byte[0]);
            }
        });
        proxy.start();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
        proxy.stop(0);
        pool.shutdownNow();
    }

    /** The test server: fixed bundles by path, and the misbehaviours a server can have. */
    static void serve(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        try {
            switch (path) {
                case "/kb.tar.gz" -> send(exchange, 200, good);
                case "/error" -> send(exchange, 500, "oops".getBytes(StandardCharsets.UTF_8));
                case "/loop-a" -> redirect(exchange, "/loop-b");
                case "/loop-b" -> redirect(exchange, base + "/loop-a");
                case "/hop" -> {
                    int n = Integer.parseInt(exchange.getRequestURI().getQuery());
                    redirect(exchange, n == 0 ? "/kb.tar.gz" : "/hop?" + (n - 1));
                }
                case "/stall" -> { // headers and a little of the body, then nothing
                    exchange.sendResponseHeaders(200, good.length);
                    exchange.getResponseBody().write(good, 0, 100);
                    exchange.getResponseBody().flush();
                    Thread.sleep(20_000);
                }
                case "/silent" -> { // not even headers
                    Thread.sleep(20_000);
                    send(exchange, 200, good);
                }
                case "/cut" -> { // promises the whole bundle, sends half, hangs up
                    exchange.sendResponseHeaders(200, good.length);
                    exchange.getResponseBody().write(good, 0, good.length / 2);
                    exchange.getResponseBody().flush();
                    exchange.close(); // short of the length: the server drops the connection
                }
                case "/half" -> { // a complete response whose bundle is cut short
                    exchange.sendResponseHeaders(200, 0);
                    exchange.getResponseBody().write(good, 0, good.length / 2);
                    exchange.close();
                }
                case "/huge-declared" -> {
                    exchange.sendResponseHeaders(200, Bundle.MAX_BYTES + 1);
                    exchange.close();
                }
                case "/huge-streamed" -> { // no length given; signed and well formed, but 80 MiB
                    exchange.sendResponseHeaders(200, 0);
                    try (OutputStream out = exchange.getResponseBody()) {
                        hugeBundle(out);
                    }
                }
                default -> {
                    byte[] body = bodies.get(path);
                    send(exchange, body == null ? 404 : 200, body == null ? new byte[0] : body);
                }
            }
        } catch (InterruptedException | IOException e) {
            exchange.close(); // the client gave up, or the test ended
        }
    }

    /** A MiB that does not compress, repeated: states.yaml and officials.yaml of 40 MiB each. */
    static final byte[] MIB = new byte[1 << 20];

    static final int HUGE_MIB = 40;

    static {
        new java.util.Random(1).nextBytes(MIB);
    }

    /**
     * A bundle whose signed manifest lists two files of 40 MiB (each under the loader's limit),
     * written as it is made, stored rather than compressed: 80 MiB on the wire.
     */
    static void hugeBundle(OutputStream to) throws IOException {
        Map<String, byte[]> small = files();
        java.security.MessageDigest sha;
        try {
            sha = java.security.MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        for (int i = 0; i < HUGE_MIB; i++) {
            sha.update(MIB);
        }
        String hugeSha = java.util.HexFormat.of().formatHex(sha.digest());
        List<Manifest.Entry> entries = new ArrayList<>();
        for (String name : Manifest.fileNames()) {
            boolean huge = name.equals("states.yaml") || name.equals("officials.yaml");
            byte[] b = small.get(name);
            entries.add(new Manifest.Entry(
                    name, huge ? (long) HUGE_MIB << 20 : b.length, huge ? hugeSha : Publishing.sha256(b)));
        }
        byte[] m = new Manifest(
                        "2026.12.2",
                        java.time.LocalDate.parse("2026-12-01"),
                        Optional.of(java.time.LocalDate.parse("2026-04-17")),
                        entries)
                .bytes();
        GZIPOutputStream gz = new GZIPOutputStream(to, 1 << 16) {
            {
                def.setLevel(java.util.zip.Deflater.NO_COMPRESSION);
            }
        };
        gz.write(header("MANIFEST", m.length));
        gz.write(pad(m));
        byte[] sig;
        try {
            sig = signature(m, key);
        } catch (UpdateException e) {
            throw new IllegalStateException(e);
        }
        gz.write(header("MANIFEST.sig", sig.length));
        gz.write(pad(sig));
        for (Manifest.Entry e : entries) {
            gz.write(header(e.name(), e.size()));
            if (e.size() == (long) HUGE_MIB << 20) {
                for (int i = 0; i < HUGE_MIB; i++) {
                    gz.write(MIB);
                }
            } else {
                gz.write(pad(small.get(e.name())));
            }
        }
        gz.finish();
    }

    static byte[] header(String name, long size) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        tarEntries(b, List.of(new Raw(name, '0', new byte[0], "")), size);
        return Arrays.copyOf(b.toByteArray(), 512);
    }

    static byte[] pad(byte[] data) {
        return Arrays.copyOf(data, data.length + (512 - data.length % 512) % 512);
    }

    static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
        exchange.close();
    }

    static void redirect(HttpExchange exchange, String to) throws IOException {
        exchange.getResponseHeaders().add("Location", to);
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    static Path copy(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.copy(f, to.resolve(f.getFileName()));
            }
        }
        return to;
    }

    static void edit(Path file, String from, String to) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(text).contains(from);
        Files.writeString(file, text.replace(from, to), StandardCharsets.UTF_8);
    }

    // ---- what must not change ----

    /** Everything a bad update must leave as it was: the answer, what cis says answers, the pointer file. */
    record Snapshot(String status, String kb, String version, Optional<String> pointer) {}

    Snapshot snapshot() throws IOException {
        Path pointer = home.resolve("data/cis/kb/active");
        return new Snapshot(
                cis().run("status", "Turkmenistan").out(),
                cis().run("kb", "--json").out(),
                cis().run("--version").out(),
                Files.exists(pointer) ? Optional.of(Files.readString(pointer)) : Optional.empty());
    }

    String turkmenistanSince() {
        TestRun.Result r = cis().run("status", "Turkmenistan", "--fields", "since");
        assertThat(r.exitCode()).as(r.err()).isZero();
        return r.out().strip();
    }

    /** A refused update: one line and a hint on stderr, no trace, the code, and nothing changed. */
    void refused(int code, String message, String... args) throws IOException {
        refusedBy(cis(), code, message, args);
    }

    void refusedBy(TestRun run, int code, String message, String... args) throws IOException {
        Snapshot before = snapshot();
        TestRun.Result r = run.run(args);
        assertThat(r.exitCode()).as("%s\n%s", List.of(args), r.err()).isEqualTo(code);
        assertThat(r.out()).isEmpty();
        List<String> lines = r.err().lines().toList();
        assertThat(lines.get(0)).startsWith("cis: ").contains(message);
        assertThat(lines).hasSizeLessThanOrEqualTo(2);
        assertThat(r.err()).doesNotContain("Exception", "\tat ");
        assertThat(snapshot()).isEqualTo(before);
        try (Stream<Path> left =
                Files.exists(home.resolve("data/cis/kb")) ? Files.list(home.resolve("data/cis/kb")) : Stream.empty()) {
            assertThat(left.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".tmp-"));
        }
    }

    @BeforeEach
    void startsFromTheBundledKb() {
        assertThat(turkmenistanSince()).isEqualTo("2005-08-26");
    }

    // ---- the update, and back ----

    @Test
    void anUpdateChangesTheAnswerAndRollbackBringsTheOldOneBack() throws IOException {
        TestRun.Result update = cis().run("update", "--from", base + "/kb.tar.gz", "--trust", keyPub.toString());
        assertThat(update.exitCode()).as(update.err()).isZero();
        assertThat(update.err()).isEmpty();
        assertThat(update.out())
                .isEqualTo("Installed knowledge base 2026.12.2 (reviewed 2026-12-01, sources up to 2026-04-17); it "
                        + "answers from now on, instead of 2026.12.1 ('cis kb rollback' goes back to it).\n");
        assertThat(turkmenistanSince()).isEqualTo("2005-09-01");

        Path installed = home.resolve("data/cis/kb/2026.12.2");
        assertThat(Files.getPosixFilePermissions(installed)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
        assertThat(installed.resolve("kb.bin")).exists();
        assertThat(cis().run("--version").out())
                .contains("knowledge base 2026.12.2\n")
                .contains("from installed update (" + installed + ")");
        TestRun.Result kb = cis().run("kb", "--fields", "version,from,path,pinned");
        assertThat(kb.out()).isEqualTo("2026.12.2\tinstalled\t" + installed + "\tno\n");
        TestRun.Result validate = cis().run("validate");
        assertThat(validate.exitCode()).isZero();
        assertThat(validate.err()).isEqualTo("cis: " + installed + ": valid, no problems\n");
        // every command goes through the one door: the shell too
        assertThat(cis().stdin("status Turkmenistan --fields since\n")
                        .run("shell")
                        .out())
                .isEqualTo("2005-09-01\n");

        TestRun.Result rollback = cis().run("kb", "rollback");
        assertThat(rollback.exitCode()).as(rollback.err()).isZero();
        assertThat(rollback.out()).startsWith("Back to the bundled knowledge base 2026.12.1 (pinned:");
        assertThat(turkmenistanSince()).isEqualTo("2005-08-26");
        assertThat(cis().run("--version").out()).doesNotContain("installed update");

        // pinned by the rollback: an update installs but does not switch; 'use latest' does
        TestRun.Result again = cis().run("update", "--from", base + "/kb.tar.gz", "--trust", keyPub.toString());
        assertThat(again.out()).contains("but the bundled knowledge base 2026.12.1 stays in use");
        assertThat(turkmenistanSince()).isEqualTo("2005-08-26");
        assertThat(cis().run("kb", "use", "latest").exitCode()).isZero();
        assertThat(turkmenistanSince()).isEqualTo("2005-09-01");
        assertThat(cis().run("kb", "list", "--fields", "version,from,in use").out())
                .isEqualTo("2026.12.2\tinstalled\tyes\n2026.12.1\tbundled\tno\n");
        assertThat(cis().run("kb", "use", "bundled").exitCode()).isZero();
        assertThat(turkmenistanSince()).isEqualTo("2005-08-26");
        assertThat(cis().run("kb", "use", "2026.12.2").exitCode()).isZero();
        assertThat(turkmenistanSince()).isEqualTo("2005-09-01");
    }

    @Test
    void checkSaysWhetherANewerKbIsPublishedByItsExitCode() {
        TestRun.Result newer =
                cis().run("update", "--check", "--from", base + "/kb.tar.gz", "--trust", keyPub.toString());
        assertThat(newer.exitCode()).as(newer.err()).isEqualTo(1);
        assertThat(newer.out()).startsWith("A newer knowledge base is published: 2026.12.2");
        assertThat(turkmenistanSince()).isEqualTo("2005-08-26");
        assertThat(cis().run("update", "--from", base + "/kb.tar.gz", "--trust", keyPub.toString())
                        .exitCode())
                .isZero();
        TestRun.Result upToDate =
                cis().run("update", "--check", "--from", base + "/kb.tar.gz", "--trust", keyPub.toString());
        assertThat(upToDate.exitCode()).as(upToDate.err()).isZero();
        assertThat(upToDate.out()).startsWith("Up to date: 2026.12.2 is in use");
        TestRun.Result unreachable = cis().run("update", "--check", "--from", base + "/nothing-here.tar.gz");
        assertThat(unreachable.exitCode()).isEqualTo(6);
    }

    void trustTheTestKey() throws IOException {
        Path keys = home.resolve("config/cis/trusted-keys");
        Files.createDirectories(
                keys, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Files.copy(keyPub, keys.resolve("ours.pub"));
    }

    @Test
    void theDefaultSourceIsCisKbUrlAndKeysInTheConfigDirectoryAreTrusted() throws IOException {
        trustTheTestKey();
        TestRun.Result r = cis().env("CIS_KB_URL", base + "/kb.tar.gz").run("update");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(turkmenistanSince()).isEqualTo("2005-09-01");
    }

    @Test
    void anAirGappedMachineUpdatesFromAFile() throws IOException {
        trustTheTestKey();
        TestRun.Result file =
                cis().run("update", "--from", shared.resolve("kb2.tar.gz").toString());
        assertThat(file.exitCode()).as(file.err()).isZero();
        assertThat(turkmenistanSince()).isEqualTo("2005-09-01");
        assertThat(cis().run("kb", "--json", "--jq", ".[0].source.url").out())
                .isEqualTo(shared.resolve("kb2.tar.gz") + "\n");
    }

    @Test
    void keysInADirectoryOthersCanWriteAreNotTrusted() throws IOException {
        Path keys = home.resolve("config/cis/trusted-keys");
        Files.createDirectories(
                keys, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Files.copy(keyPub, keys.resolve("ours.pub"));
        Files.setPosixFilePermissions(keys, PosixFilePermissions.fromString("rwxrwxrwx"));
        Snapshot before = snapshot();
        TestRun.Result r = cis().run("update", "--from", base + "/kb.tar.gz");
        assertThat(r.exitCode()).isEqualTo(4);
        assertThat(r.err())
                .startsWith("cis: warning: not trusting the keys in " + keys + ": " + keys + " is writable by others")
                .contains(
                        "cis: the bundle is signed by key " + Keys.id(key.getPublic()) + ", which cis does not trust");
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void anUpdateThroughTheProxyTheEnvironmentNames() {
        TestRun.Result r = cis().env(
                        "HTTP_PROXY", "http://127.0.0.1:" + proxy.getAddress().getPort())
                .run("update", "--from", "http://cis-kb.invalid/kb.tar.gz", "--trust", keyPub.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(proxied).contains("http://cis-kb.invalid/kb.tar.gz");
        assertThat(turkmenistanSince()).isEqualTo("2005-09-01");
    }

    @Test
    void noProxyReachesTheHostDirectly() throws IOException {
        int dead;
        try (ServerSocket s = new ServerSocket(0)) {
            dead = s.getLocalPort();
        }
        refusedBy(
                cis().env("HTTP_PROXY", "http://127.0.0.1:" + dead),
                6,
                "through the proxy 127.0.0.1:" + dead,
                "update",
                "--from",
                base + "/kb.tar.gz",
                "--trust",
                keyPub.toString());
        TestRun.Result direct = cis().env("http_proxy", "http://127.0.0.1:" + dead)
                .env("NO_PROXY", "localhost, 127.0.0.1")
                .run("update", "--from", base + "/kb.tar.gz", "--trust", keyPub.toString());
        assertThat(direct.exitCode()).as(direct.err()).isZero();
    }

    // ---- the source misbehaves: exit 6 ----

    @Test
    void aMissingBundleOrAServerErrorIsUnreachable() throws IOException {
        refused(6, "answered 404 Not Found for " + base + "/nothing", "update", "--from", base + "/nothing");
        refused(6, "answered 500 Internal Server Error", "update", "--from", base + "/error");
        refused(6, "cannot read /no/such/bundle.tar.gz (no such file)", "update", "--from", "/no/such/bundle.tar.gz");
    }

    @Test
    void redirectsAreFollowedAFewTimesButNotInALoop() throws IOException {
        TestRun.Result ok = cis().run("update", "--from", base + "/hop?3", "--trust", keyPub.toString());
        assertThat(ok.exitCode()).as(ok.err()).isZero();
        assertThat(cis().run("kb", "rollback").exitCode()).isZero();
        refused(6, "the server redirects in a loop", "update", "--from", base + "/loop-a");
        refused(6, "more than 5 redirects", "update", "--from", base + "/hop?9");
    }

    @Test
    void aServerThatStallsIsGivenUpOn() throws IOException {
        long start = System.nanoTime();
        refused(
                6,
                "stopped sending for 300 ms after 100 bytes",
                "update",
                "--from",
                base + "/stall",
                "--timeout",
                "0.3");
        refused(
                6,
                "did not answer within 300 ms",
                "update",
                "--from",
                base + "/silent",
                "--timeout",
                "0.3",
                "--trust",
                keyPub.toString());
        assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start)).isLessThan(15);
    }

    @Test
    void aDownloadCutShortIsRefused() throws IOException {
        String trust = keyPub.toString();
        refused(6, "failed after", "update", "--from", base + "/cut", "--trust", trust);
        refused(4, "truncated", "update", "--from", base + "/half", "--trust", trust);
        Path half = home.resolve("half.tar.gz");
        Files.write(half, Arrays.copyOf(good, good.length / 2));
        refused(4, "the bundle is truncated", "update", "--from", half.toString(), "--trust", trust);
    }

    @Test
    void anOversizedBundleIsRefused() throws IOException {
        refused(4, "more than a bundle may be (64 MiB)", "update", "--from", base + "/huge-declared");
        refused(
                4,
                "more than a bundle may be (64 MiB)",
                "update",
                "--from",
                base + "/huge-streamed",
                "--trust",
                keyPub.toString());
        Path sparse = home.resolve("sparse.tar.gz");
        try (var f = new java.io.RandomAccessFile(sparse.toFile(), "rw")) {
            f.setLength(Bundle.MAX_BYTES + 1);
        }
        refused(4, "is 64 MiB, more than a bundle may be", "update", "--from", sparse.toString());
    }

    // ---- the bundle is bad: exit 4 ----

    /** One entry of a hand-made archive: any name, any type, any bytes. */
    @SuppressWarnings("ArrayRecordComponent") // test data, never compared
    record Raw(String name, char type, byte[] data, String link) {
        static Raw file(String name, byte[] data) {
            return new Raw(name, '0', data, "");
        }
    }

    /** A gzip'd tar of exactly these entries, headers written by hand. */
    static byte[] tar(List<Raw> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            tarEntries(gz, entries, -1);
            gz.write(new byte[1024]);
        }
        return bytes.toByteArray();
    }

    /** Headers and data of the entries; with {@code size} not -1, a header alone claiming that size. */
    static void tarEntries(OutputStream gz, List<Raw> entries, long size) throws IOException {
        {
            for (Raw e : entries) {
                byte[] h = new byte[512];
                put(h, 0, e.name());
                put(h, 100, "0000644");
                put(h, 108, "0000000");
                put(h, 116, "0000000");
                put(h, 124, String.format("%011o", size >= 0 ? size : e.data().length));
                put(h, 136, "00000000000");
                Arrays.fill(h, 148, 156, (byte) ' ');
                h[156] = (byte) e.type();
                put(h, 157, e.link());
                put(h, 257, "ustar");
                put(h, 263, "00");
                long sum = 0;
                for (byte b : h) {
                    sum += b & 0xff;
                }
                put(h, 148, String.format("%06o", sum));
                h[154] = 0;
                gz.write(h);
                gz.write(e.data());
                gz.write(new byte[(512 - e.data().length % 512) % 512]);
            }
        }
    }

    static void put(byte[] h, int at, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(b, 0, h, at, b.length);
    }

    /** The changed KB's files, as a bundle would hold them. */
    static Map<String, byte[]> files() throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (String name : Manifest.fileNames()) {
            files.put(name, Files.readAllBytes(kb2.resolve(name)));
        }
        return files;
    }

    static Manifest manifest(String version, Map<String, byte[]> files) {
        List<Manifest.Entry> entries = new ArrayList<>();
        files.forEach((n, b) -> entries.add(new Manifest.Entry(n, b.length, Publishing.sha256(b))));
        return new Manifest(
                version,
                java.time.LocalDate.parse("2026-12-01"),
                Optional.of(java.time.LocalDate.parse("2026-04-17")),
                entries);
    }

    static byte[] signature(byte[] manifest, KeyPair by) throws UpdateException {
        return Signatures.sign(manifest, List.of(new Signatures.Signer(by.getPrivate(), by.getPublic())));
    }

    /** A bundle: MANIFEST, MANIFEST.sig, then {@code rest}. */
    static byte[] bundle(byte[] manifest, byte[] signature, List<Raw> rest) throws IOException {
        List<Raw> all = new ArrayList<>();
        all.add(Raw.file("MANIFEST", manifest));
        all.add(Raw.file("MANIFEST.sig", signature));
        all.addAll(rest);
        return tar(all);
    }

    static List<Raw> raw(Map<String, byte[]> files) {
        List<Raw> out = new ArrayList<>();
        files.forEach((n, b) -> out.add(Raw.file(n, b)));
        return out;
    }

    /** Serves the bytes at a new path, and writes them to a file too; the URL. */
    String serveBundle(String name, byte[] bytes) throws IOException {
        bodies.put("/" + name, bytes);
        Files.write(home.resolve(name), bytes);
        return base + "/" + name;
    }

    @Test
    void theHandMadeBundleIsAcceptedSoTheRefusalsBelowAreFair() throws Exception {
        Map<String, byte[]> files = files();
        byte[] m = manifest("2026.12.2", files).bytes();
        String url = serveBundle("handmade.tar.gz", bundle(m, signature(m, key), raw(files)));
        TestRun.Result r = cis().run("update", "--from", url, "--trust", keyPub.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(turkmenistanSince()).isEqualTo("2005-09-01");
    }

    @Test
    void aWrongOrMissingSignatureIsRefused() throws Exception {
        Map<String, byte[]> files = files();
        byte[] m = manifest("2026.12.2", files).bytes();
        String trust = keyPub.toString();
        refused(4, "which cis does not trust", "update", "--from", base + "/kb.tar.gz");
        refused(
                4,
                "which cis does not trust",
                "update",
                "--from",
                serveBundle("other-key.tar.gz", bundle(m, signature(m, otherKey), raw(files))),
                "--trust",
                trust);
        refused(
                4,
                "the bundle is not signed",
                "update",
                "--from",
                serveBundle("unsigned.tar.gz", tar(concat(List.of(Raw.file("MANIFEST", m)), raw(files)))),
                "--trust",
                trust);
        refused(
                4,
                "the bundle is not signed",
                "update",
                "--from",
                serveBundle("empty-sig.tar.gz", bundle(m, new byte[0], raw(files))),
                "--trust",
                trust);
        // the manifest changed after signing: another file's digest, say
        byte[] changed = manifest("2026.12.3", files).bytes();
        refused(
                4,
                "does not match its MANIFEST: the bundle was changed after it was signed",
                "update",
                "--from",
                serveBundle("manifest-changed.tar.gz", bundle(changed, signature(m, key), raw(files))),
                "--trust",
                trust);
    }

    @Test
    void aFileChangedInsideTheBundleIsRefused() throws Exception {
        Map<String, byte[]> files = files();
        byte[] m = manifest("2026.12.2", files).bytes();
        Map<String, byte[]> tampered = new LinkedHashMap<>(files);
        byte[] states = tampered.get("states.yaml").clone();
        int at = new String(states, StandardCharsets.UTF_8).indexOf("2005-09-01");
        states[at + 9] = '2'; // same size, another day
        tampered.put("states.yaml", states);
        refused(
                4,
                "states.yaml does not match the SHA-256 in the MANIFEST",
                "update",
                "--from",
                serveBundle("tampered.tar.gz", bundle(m, signature(m, key), raw(tampered))),
                "--trust",
                keyPub.toString());
        Map<String, byte[]> longer = new LinkedHashMap<>(files);
        longer.put(
                "states.yaml",
                (new String(files.get("states.yaml"), StandardCharsets.UTF_8) + "\n").getBytes(StandardCharsets.UTF_8));
        refused(
                4,
                "states.yaml is 64697 bytes but the MANIFEST says 64696",
                "update",
                "--from",
                serveBundle("longer.tar.gz", bundle(m, signature(m, key), raw(longer))),
                "--trust",
                keyPub.toString());
        refused(
                4,
                "not a cis bundle (not gzip data)",
                "update",
                "--from",
                serveBundle("page.html", "<html>".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void anInvalidKbIsRefusedThoughSigned() throws Exception {
        Map<String, byte[]> files = files();
        files.put(
                "states.yaml",
                new String(files.get("states.yaml"), StandardCharsets.UTF_8)
                        .replace("iso2: TM", "iso2: TM\n    iso2: TM")
                        .getBytes(StandardCharsets.UTF_8));
        byte[] m = manifest("2026.12.2", files).bytes();
        refused(
                4,
                "the bundle's knowledge base is invalid: states.yaml:",
                "update",
                "--from",
                serveBundle("invalid.tar.gz", bundle(m, signature(m, key), raw(files))),
                "--trust",
                keyPub.toString());
    }

    @Test
    void pathsThatEscapeLinksAndDuplicatesAreRefused() throws Exception {
        Map<String, byte[]> files = files();
        byte[] m = manifest("2026.12.2", files).bytes();
        byte[] sig = signature(m, key);
        String trust = keyPub.toString();
        byte[] evil = "#!/bin/sh\n".getBytes(StandardCharsets.UTF_8);
        record Case(String message, List<Raw> entries) {}
        List<Case> cases = List.of(
                new Case(
                        "entry '../../.bashrc' is a path",
                        concat(List.of(Raw.file("../../.bashrc", evil)), raw(files))),
                new Case(
                        "entry '/etc/cron.d/x' is a path",
                        concat(List.of(Raw.file("/etc/cron.d/x", evil)), raw(files))),
                new Case(
                        "entry 'sub/states.yaml' is a path",
                        concat(List.of(Raw.file("sub/states.yaml", evil)), raw(files))),
                new Case(
                        "entry 'states.yaml' is a symbolic link",
                        concat(List.of(new Raw("states.yaml", '2', new byte[0], "/etc/passwd")), raw(files))),
                new Case(
                        "entry 'states.yaml' is a hard link",
                        concat(List.of(new Raw("states.yaml", '1', new byte[0], "kb.yaml")), raw(files))),
                new Case("entry 'kb' is a directory", concat(List.of(new Raw("kb", '5', new byte[0], "")), raw(files))),
                new Case("which its MANIFEST does not list", concat(List.of(Raw.file("install.sh", evil)), raw(files))),
                new Case(
                        "it holds 'states.yaml' twice",
                        concat(raw(files), List.of(Raw.file("states.yaml", files.get("states.yaml"))))),
                new Case("it lacks states.yaml", raw(Map.of("kb.yaml", files.get("kb.yaml")))));
        int n = 0;
        for (Case c : cases) {
            String url = serveBundle("bad-" + n++ + ".tar.gz", bundle(m, sig, c.entries()));
            refused(4, c.message(), "update", "--from", url, "--trust", trust);
        }
        assertThat(home.resolve("data/cis/.bashrc")).doesNotExist();
        // an absolute path or ../ is refused by name, before anything is written anywhere
        assertThat(Files.exists(Path.of("/etc/cron.d/x"))).isFalse();
    }

    @Test
    void aBundleThatExpandsPastTheLimitsIsRefused() throws Exception {
        Map<String, byte[]> files = files();
        files.put("states.yaml", new byte[cis.store.KbStore.MAX_FILE_BYTES + 1]); // compresses to ~50 KB
        byte[] m = manifest("2026.12.2", files).bytes();
        refused(
                4,
                "states.yaml is larger than a knowledge base file may be (48 MiB)",
                "update",
                "--from",
                serveBundle("bomb.tar.gz", bundle(m, signature(m, key), raw(files))),
                "--trust",
                keyPub.toString());
    }

    @Test
    void anOlderBundleIsNotInstalledUnlessAsked() throws Exception {
        Map<String, byte[]> files = files();
        files.put(
                "kb.yaml",
                new String(files.get("kb.yaml"), StandardCharsets.UTF_8)
                        .replace("2026.12.2", "2026.11.1")
                        .getBytes(StandardCharsets.UTF_8));
        byte[] m = manifest("2026.11.1", files).bytes();
        String url = serveBundle("older.tar.gz", bundle(m, signature(m, key), raw(files)));
        Snapshot before = snapshot();
        TestRun.Result r = cis().run("update", "--from", url, "--trust", keyPub.toString());
        assertThat(r.exitCode()).isZero();
        assertThat(r.out())
                .isEqualTo("Not installed: the bundle holds 2026.11.1, older than the knowledge base in use "
                        + "(2026.12.1). --allow-downgrade installs it anyway.\n");
        assertThat(snapshot()).isEqualTo(before);
        TestRun.Result forced = cis().run("update", "--from", url, "--trust", keyPub.toString(), "--allow-downgrade");
        assertThat(forced.exitCode()).as(forced.err()).isZero();
        assertThat(cis().run("kb", "--fields", "version,pinned").out()).isEqualTo("2026.11.1\tyes\n");
        assertThat(turkmenistanSince()).isEqualTo("2005-09-01");
    }

    @Test
    void nothingIsInstalledWhereOthersCouldWrite() throws IOException {
        Path cis = home.resolve("data/cis");
        Files.createDirectories(cis);
        Files.setPosixFilePermissions(cis, PosixFilePermissions.fromString("rwxrwxrwx"));
        refused(
                5,
                "cannot install into " + cis.resolve("kb") + ": " + cis + " is writable by others (mode 777)",
                "update",
                "--from",
                base + "/kb.tar.gz",
                "--trust",
                keyPub.toString());
        assertThat(cis.resolve("kb")).doesNotExist();
    }

    @Test
    void badArgumentsAreUsageErrors() throws IOException {
        refused(2, "cannot fetch ftp: URLs", "update", "--from", "ftp://example.org/kb.tar.gz");
        refused(2, "--timeout must be more than 0", "update", "--timeout", "0", "--from", base + "/kb.tar.gz");
        refused(
                2,
                "is not an Ed25519 public key",
                "update",
                "--from",
                base + "/kb.tar.gz",
                "--trust",
                keyPem.toString());
        refusedBy(
                cis().env("HTTPS_PROXY", "socks5://127.0.0.1:1"),
                2,
                "cannot use the proxy HTTPS_PROXY=socks5://127.0.0.1:1: cis speaks to HTTP proxies only",
                "update",
                "--from",
                "https://example.org/kb.tar.gz");
    }

    static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
