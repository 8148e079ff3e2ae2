package cis.update;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where a bundle is read from: an https or http URL (through the environment's proxies, with a
 * connect and a read timeout, at most {@value #MAX_REDIRECTS} redirects, a loop refused, never
 * from https down to http), a {@code file:} URL or a path. Whatever the source, at most {@link
 * Bundle#MAX_BYTES} are read, and a source that sends nothing for the timeout is given up on.
 */
final class Sources {
    static final int MAX_REDIRECTS = 5;

    private Sources() {}

    /** An open source: its bytes, and how to name it in messages. */
    record Opened(InputStream in, String shown) {}

    /** Whether {@code from} is a URL (with a scheme) rather than a path. */
    static boolean isUrl(String from) {
        int colon = from.indexOf("://");
        if (colon <= 0) {
            return false;
        }
        for (int i = 0; i < colon; i++) {
            char c = from.charAt(i);
            if (!Character.isLetterOrDigit(c) && c != '+' && c != '-' && c != '.') {
                return false;
            }
        }
        return true;
    }

    /** A usage error when {@code from} is a URL cis cannot fetch (checked before anything else is done). */
    static void check(String from) throws UpdateException {
        if (!isUrl(from)) {
            return;
        }
        try {
            String scheme = String.valueOf(new URI(from).getScheme()).toLowerCase(Locale.ROOT);
            if (!List.of("https", "http", "file").contains(scheme)) {
                throw new UpdateException(
                        UpdateException.Kind.USAGE,
                        "cannot fetch " + scheme + ": URLs",
                        "Give an https (or http) URL, or a file you downloaded.");
            }
        } catch (URISyntaxException e) {
            throw new UpdateException(
                    UpdateException.Kind.USAGE,
                    "'" + from + "' is not a URL: " + e.getReason(),
                    "Give an https URL or a file.");
        }
    }

    static Opened open(String from, Map<String, String> env, Duration timeout, long max, String userAgent)
            throws UpdateException {
        check(from);
        if (!isUrl(from)) {
            return file(Path.of(from), from, max);
        }
        URI uri;
        try {
            uri = new URI(from);
        } catch (URISyntaxException e) {
            throw new UpdateException(
                    UpdateException.Kind.USAGE,
                    "'" + from + "' is not a URL: " + e.getReason(),
                    "Give an https URL or a file.");
        }
        String scheme = String.valueOf(uri.getScheme()).toLowerCase(Locale.ROOT);
        if (scheme.equals("file")) {
            try {
                return file(Path.of(uri), from, max);
            } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
                throw new UpdateException(
                        UpdateException.Kind.USAGE,
                        "'" + from + "' is not a local file URL",
                        "Give a path, or file:///PATH.");
            }
        }
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new UpdateException(
                    UpdateException.Kind.USAGE,
                    "cannot fetch " + scheme + ": URLs",
                    "Give an https (or http) URL, or a file you downloaded.");
        }
        return http(uri, env, timeout, max, userAgent);
    }

    private static Opened file(Path p, String shown, long max) throws UpdateException {
        try {
            if (Files.isDirectory(p)) {
                throw new UpdateException(
                        UpdateException.Kind.USAGE,
                        shown + " is a directory, not a bundle",
                        "To install a KB directory of your own, pack it first: cis kb pack DIR --out FILE --sign-key KEY.pem");
            }
            long size = Files.size(p);
            if (size > max) {
                throw tooLarge(shown, size, max);
            }
            InputStream in = Files.newInputStream(p);
            return new Opened(new Guarded(in, shown, Duration.ZERO, max), shown);
        } catch (IOException e) {
            throw new UpdateException(
                    UpdateException.Kind.UNREACHABLE,
                    "cannot read " + shown + " (" + (e instanceof NoSuchFileException ? "no such file" : e.getMessage())
                            + ")",
                    "Check the path. The knowledge base in use is unchanged.");
        }
    }

    private static UpdateException tooLarge(String shown, long size, long max) {
        return new UpdateException(
                UpdateException.Kind.INVALID,
                shown + " is " + (size >> 20) + " MiB, more than a bundle may be (" + (max >> 20) + " MiB)",
                "It is not a cis bundle; the knowledge base in use is unchanged.");
    }

    private static Opened http(URI start, Map<String, String> env, Duration timeout, long max, String userAgent)
            throws UpdateException {
        EnvProxies proxies = EnvProxies.from(env);
        HttpClient client = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .proxy(proxies)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        Set<URI> seen = new HashSet<>();
        URI uri = start;
        for (int hop = 0; ; hop++) {
            seen.add(uri);
            HttpResponse<InputStream> response = send(client, uri, proxies, timeout, userAgent);
            int status = response.statusCode();
            if (status == 301 || status == 302 || status == 303 || status == 307 || status == 308) {
                close(response.body());
                URI next = redirect(uri, response.headers().firstValue("Location"));
                if (seen.contains(next)) {
                    throw unreachable(
                            "the server redirects in a loop (" + next + " again)",
                            "Report it to the bundle's publisher.");
                }
                if (hop >= MAX_REDIRECTS) {
                    throw unreachable(
                            "more than " + MAX_REDIRECTS + " redirects from " + start,
                            "Report it to the bundle's publisher.");
                }
                uri = next;
                continue;
            }
            if (status != 200) {
                close(response.body());
                throw unreachable(
                        host(uri) + " answered " + status + reason(status) + " for " + uri,
                        status == 404
                                ? "Check the URL (CIS_KB_URL or --from)."
                                : status >= 500 ? "The server has a problem: try again later." : null);
            }
            long declared =
                    response.headers().firstValueAsLong("Content-Length").orElse(-1);
            if (declared > max) {
                close(response.body());
                throw tooLarge(uri.toString(), declared, max);
            }
            return new Opened(new Guarded(response.body(), uri.toString(), timeout, max), uri.toString());
        }
    }

    private static HttpResponse<InputStream> send(
            HttpClient client, URI uri, EnvProxies proxies, Duration timeout, String userAgent) throws UpdateException {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("User-Agent", userAgent)
                .header("Accept", "application/gzip, application/octet-stream")
                .GET()
                .build();
        Optional<InetSocketAddress> proxy = proxies.proxyFor(uri);
        String via = proxy.map(p -> " through the proxy " + p.getHostString() + ":" + p.getPort())
                .orElse("");
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpConnectTimeoutException e) {
            throw unreachable(
                    "cannot connect to " + host(uri) + via + " within " + seconds(timeout),
                    "Check the network and try again.");
        } catch (HttpTimeoutException e) {
            throw unreachable(
                    host(uri) + via + " did not answer within " + seconds(timeout),
                    "Try again later, or with a longer --timeout.");
        } catch (ConnectException e) {
            throw unreachable(
                    "cannot connect to " + host(uri) + via + " (" + cause(e) + ")",
                    proxy.isPresent() ? "Check the proxy (HTTPS_PROXY, HTTP_PROXY, NO_PROXY)." : "Check the network.");
        } catch (IOException e) {
            throw unreachable("cannot fetch " + uri + via + " (" + cause(e) + ")", "Check the network and try again.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unreachable("interrupted while fetching " + uri, null);
        } catch (IllegalArgumentException e) {
            throw new UpdateException(UpdateException.Kind.USAGE, "cannot fetch " + uri + ": " + e.getMessage(), null);
        }
    }

    private static URI redirect(URI from, Optional<String> location) throws UpdateException {
        if (location.isEmpty()) {
            throw unreachable(
                    host(from) + " redirects without saying where to", "Report it to the bundle's publisher.");
        }
        URI next;
        try {
            next = from.resolve(new URI(location.get()));
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw unreachable(host(from) + " redirects to something that is not a URL", null);
        }
        String scheme = String.valueOf(next.getScheme()).toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw unreachable(host(from) + " redirects to a " + scheme + ": URL", null);
        }
        if ("https".equalsIgnoreCase(from.getScheme()) && scheme.equals("http")) {
            throw unreachable(host(from) + " redirects from https to plain http (" + next + "); refused", null);
        }
        return next;
    }

    /** What went wrong, in words: the JDK's exceptions often carry no message, only a class. */
    static String cause(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof UnresolvedAddressException || c instanceof java.net.UnknownHostException) {
                return "the host name does not resolve";
            }
            if (c instanceof java.nio.channels.ClosedChannelException) {
                return "the connection was refused or closed";
            }
        }
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c.getMessage() != null && !c.getMessage().isBlank()) {
                return c.getMessage();
            }
        }
        return "no reason given";
    }

    private static String host(URI uri) {
        return uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    private static String reason(int status) {
        return switch (status) {
            case 400 -> " Bad Request";
            case 401 -> " Unauthorized";
            case 403 -> " Forbidden";
            case 404 -> " Not Found";
            case 410 -> " Gone";
            case 429 -> " Too Many Requests";
            case 500 -> " Internal Server Error";
            case 502 -> " Bad Gateway";
            case 503 -> " Service Unavailable";
            case 504 -> " Gateway Timeout";
            default -> "";
        };
    }

    static UpdateException unreachable(String message, String hint) {
        return new UpdateException(
                UpdateException.Kind.UNREACHABLE,
                message,
                (hint == null ? "" : hint + " ") + "The knowledge base in use is unchanged.");
    }

    private static void close(InputStream in) {
        try {
            in.close();
        } catch (IOException e) {
            // the response is dropped either way
        }
    }

    /**
     * The source's bytes, bounded: more than {@code max} is refused, and a source that sends nothing
     * for {@code timeout} (when not zero) is given up on: a watchdog closes it, which wakes the read.
     */
    static final class Guarded extends FilterInputStream {
        private final String shown;
        private final Duration timeout;
        private final long max;
        private final Thread watchdog;
        private long count;
        private volatile long lastProgress = System.nanoTime();
        private volatile boolean stalled;
        private volatile boolean done;

        Guarded(InputStream in, String shown, Duration timeout, long max) {
            super(in);
            this.shown = shown;
            this.timeout = timeout;
            this.max = max;
            if (timeout.isZero()) {
                watchdog = null;
            } else {
                watchdog = new Thread(this::watch, "cis-update-watchdog");
                watchdog.setDaemon(true);
                watchdog.start();
            }
        }

        private void watch() {
            long step = Math.max(10, Math.min(250, timeout.toMillis() / 4));
            while (!done) {
                try {
                    Thread.sleep(step);
                } catch (InterruptedException e) {
                    return;
                }
                if (!done && System.nanoTime() - lastProgress > timeout.toNanos()) {
                    stalled = true;
                    try {
                        in.close();
                    } catch (IOException | RuntimeException e) {
                        // the read wakes up either way
                    }
                    return;
                }
            }
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n;
            try {
                n = in.read(b, off, len);
            } catch (IOException e) {
                throw stalled
                        ? stall()
                        : new SourceFailure(
                                UpdateException.Kind.UNREACHABLE,
                                "reading " + shown + " failed after " + count + " bytes (" + cause(e) + ")",
                                "The download was cut off: try again. The knowledge base in use is unchanged.");
            }
            if (stalled) {
                throw stall();
            }
            if (n > 0) {
                lastProgress = System.nanoTime();
                count += n;
                if (count > max) {
                    throw new SourceFailure(
                            UpdateException.Kind.INVALID,
                            shown + " is more than a bundle may be (" + (max >> 20) + " MiB)",
                            "It is not a cis bundle; the knowledge base in use is unchanged.");
                }
            }
            return n;
        }

        private SourceFailure stall() {
            return new SourceFailure(
                    UpdateException.Kind.UNREACHABLE,
                    shown + " stopped sending for " + seconds(timeout) + " after " + count + " bytes",
                    "Try again later, or with a longer --timeout. The knowledge base in use is unchanged.");
        }

        @Override
        public void close() throws IOException {
            done = true;
            if (watchdog != null) {
                watchdog.interrupt();
            }
            super.close();
        }
    }
}
