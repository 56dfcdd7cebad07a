package io.tenantgate.identity.webhooks;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * Where deliveries may go. A subscriber names a URL and this service calls it from inside the provider's
 * network, so a URL that resolves to a loopback, private, link-local (cloud metadata) or otherwise internal
 * address would let a client probe that network (server-side request forgery): refused unless a setting allows
 * it, for local development. Plain http is refused the same way. Checked when a subscription is made and again
 * before every delivery, since a name can be pointed elsewhere later.
 */
public record OutboundAddressPolicy(boolean allowHttp, boolean allowPrivateAddresses) {

    /** Why this URL may not be called, or empty when it may. */
    public Optional<String> refusal(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(allowHttp && scheme.equals("http"))) {
            return Optional.of(allowHttp ? "must be an http or https URL" : "must be an https URL");
        }
        if (url.getHost() == null || url.getHost().isBlank()) {
            return Optional.of("has no host");
        }
        if (url.getUserInfo() != null) {
            return Optional.of("must not carry credentials");
        }
        if (allowPrivateAddresses) {
            return Optional.empty();
        }
        try {
            for (InetAddress address : InetAddress.getAllByName(url.getHost())) {
                if (isInternal(address)) {
                    return Optional.of("resolves to an internal address (" + address.getHostAddress() + ")");
                }
            }
        } catch (UnknownHostException e) {
            return Optional.of("host " + url.getHost() + " cannot be resolved");
        }
        return Optional.empty();
    }

    static boolean isInternal(InetAddress address) {
        if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet6Address) {
            return (bytes[0] & 0xfe) == 0xfc; // unique local fc00::/7
        }
        int first = bytes[0] & 0xff;
        int second = bytes[1] & 0xff;
        return first == 0 || (first == 100 && second >= 64 && second < 128) // carrier-grade NAT 100.64/10
                || (first == 192 && second == 0 && (bytes[2] & 0xff) == 0) || first >= 240;
    }
}
