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
 * public one, so a listener cannot point the service at itself or at its private network.
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
                for (InetAddress address : InetAddress.getAllByName(uri.getHost())) {
                    if (isPrivate(address)) {
                        throw ApiException.badInput("A callback URL may not target a loopback, link-local or private address", FIELD);
                    }
                }
            } catch (UnknownHostException e) {
                throw ApiException.badInput("The callback host does not resolve", FIELD);
            }
        }
        return uri.toString();
    }

    static boolean isPrivate(InetAddress address) {
        return address.isLoopbackAddress() || address.isLinkLocalAddress() || address.isSiteLocalAddress()
                || address.isAnyLocalAddress() || address.isMulticastAddress()
                // IPv6 unique local addresses fc00::/7 (Java's isSiteLocal only knows the old fec0::/10)
                || address instanceof Inet6Address && (address.getAddress()[0] & 0xfe) == 0xfc;
    }
}
