package dev.supportgraph.webhook;

import dev.supportgraph.error.ApiException;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Checks a callback URL before it is registered: absolute http(s) with a host, at most 2000
 * characters, and (unless private targets are allowed) every address the host resolves to is a
 * public one, so a listener cannot point the service at itself or at its private network. The
 * sender resolves the host again before it connects ({@link #resolve}), with the same check: a
 * name that later resolves elsewhere is not trusted on the strength of its registration.
 */
final class CallbackUrls {

    private static final int MAX_LENGTH = 2000;
    private static final String[] FIELD = {"input", "callbackUrl"};

    private CallbackUrls() {
    }

    static String check(String url, boolean allowPrivate) {
        if (url == null || url.isBlank() || url.length() > MAX_LENGTH) {
            throw ApiException.badInput("A callback URL has 1 to " + MAX_LENGTH + " characters", FIELD);
        }
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            throw ApiException.badInput("Not a URL: " + e.getReason(), FIELD);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw ApiException.badInput("A callback URL must use http or https", FIELD);
        }
        if (uri.getHost() == null || uri.getUserInfo() != null) {
            throw ApiException.badInput("A callback URL needs a host and no user info", FIELD);
        }
        if (!allowPrivate) {
            try {
                resolve(uri.getHost(), false);
            } catch (Refused e) {
                throw ApiException.badInput(e.getMessage(), FIELD);
            }
        }
        return uri.toString();
    }

    /** Why a callback host may not be connected to: it does not resolve, or (private targets refused) to a private address. */
    static final class Refused extends Exception {
        Refused(String message) {
            super(message);
        }
    }

    /**
     * The address to connect to for {@code host} (its first), resolved now through the JVM's resolver
     * and its cache ({@code networkaddress.cache.ttl}, 30 s by default); unless {@code allowPrivate},
     * every address it resolves to must be public, so a name cannot pass with one public address
     * and be connected to on another.
     */
    static InetAddress resolve(String host, boolean allowPrivate) throws Refused {
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw new Refused("The callback host does not resolve");
        }
        if (!allowPrivate) {
            for (InetAddress address : addresses) {
                if (isPrivate(address)) {
                    throw new Refused("A callback URL may not target a loopback, link-local or private address");
                }
            }
        }
        return addresses[0];
    }

    static boolean isPrivate(InetAddress address) {
        return address.isLoopbackAddress() || address.isLinkLocalAddress() || address.isSiteLocalAddress()
                || address.isAnyLocalAddress() || address.isMulticastAddress()
                // IPv6 unique local addresses fc00::/7 (Java's isSiteLocal only knows the old fec0::/10)
                || address instanceof Inet6Address && (address.getAddress()[0] & 0xfe) == 0xfc;
    }
}
