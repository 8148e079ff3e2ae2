package cis.update;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The proxies the environment names, as curl and wget read them: {@code https_proxy} (or {@code
 * HTTPS_PROXY}) for https URLs, {@code http_proxy} (or {@code HTTP_PROXY}) for http ones, the
 * lower-case name first; {@code no_proxy} (or {@code NO_PROXY}) lists hosts reached directly: a
 * host and its subdomains ({@code example.org}, {@code .example.org}), an IP address, or {@code *}
 * for all. Proxies speak HTTP (https is tunnelled through them); a proxy given without a port
 * is on 1080, as curl has it.
 */
final class EnvProxies extends ProxySelector {
    private final Optional<InetSocketAddress> http;
    private final Optional<InetSocketAddress> https;
    private final List<String> noProxy;

    private EnvProxies(Optional<InetSocketAddress> http, Optional<InetSocketAddress> https, List<String> noProxy) {
        this.http = http;
        this.https = https;
        this.noProxy = noProxy;
    }

    /** The proxies of this environment; a proxy setting cis cannot use is an error, never ignored. */
    static EnvProxies from(Map<String, String> env) throws UpdateException {
        List<String> no = new ArrayList<>();
        for (String entry : get(env, "no_proxy").orElse("").split(",", -1)) {
            String e = entry.strip().toLowerCase(Locale.ROOT);
            if (!e.isEmpty()) {
                no.add(e.startsWith(".") ? e.substring(1) : e);
            }
        }
        return new EnvProxies(address(env, "http_proxy"), address(env, "https_proxy"), List.copyOf(no));
    }

    private static Optional<String> get(Map<String, String> env, String lower) {
        String v = env.get(lower);
        if (v == null || v.isBlank()) {
            v = env.get(lower.toUpperCase(Locale.ROOT));
        }
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.strip());
    }

    private static Optional<InetSocketAddress> address(Map<String, String> env, String name) throws UpdateException {
        Optional<String> value = get(env, name);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        String v = value.get().contains("://") ? value.get() : "http://" + value.get();
        String shown = name.toUpperCase(Locale.ROOT) + "=" + value.get();
        URI uri;
        try {
            uri = new URI(v);
        } catch (URISyntaxException e) {
            throw bad(shown, "it is not a URL");
        }
        if (!"http".equalsIgnoreCase(uri.getScheme())) {
            throw bad(shown, "cis speaks to HTTP proxies only (http://HOST:PORT)");
        }
        if (uri.getRawUserInfo() != null) {
            throw bad(shown, "cis does not send proxy credentials");
        }
        if (uri.getHost() == null) {
            throw bad(shown, "it names no host");
        }
        return Optional.of(InetSocketAddress.createUnresolved(uri.getHost(), uri.getPort() < 0 ? 1080 : uri.getPort()));
    }

    private static UpdateException bad(String shown, String why) {
        return new UpdateException(
                UpdateException.Kind.USAGE,
                "cannot use the proxy " + shown + ": " + why,
                "Set it to http://HOST:PORT, or unset it (and list hosts to reach directly in NO_PROXY).");
    }

    /** The proxy for this URI, if any: for messages. */
    Optional<InetSocketAddress> proxyFor(URI uri) {
        List<Proxy> p = select(uri);
        return p.get(0).type() == Proxy.Type.DIRECT
                ? Optional.empty()
                : Optional.of((InetSocketAddress) p.get(0).address());
    }

    @Override
    public List<Proxy> select(URI uri) {
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        for (String n : noProxy) {
            if (n.equals("*") || host.equals(n) || host.endsWith("." + n)) {
                return List.of(Proxy.NO_PROXY);
            }
        }
        Optional<InetSocketAddress> proxy = "https".equalsIgnoreCase(uri.getScheme()) ? https : http;
        return proxy.<List<Proxy>>map(a -> List.of(new Proxy(Proxy.Type.HTTP, a)))
                .orElse(List.of(Proxy.NO_PROXY));
    }

    @Override
    public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {
        // the request fails and says so; there is no other proxy to try
    }
}
