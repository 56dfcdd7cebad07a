package io.tenantgate.identity.geoip;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/** Parses IP literals without ever resolving a host name, and tells public addresses from the rest. */
final class IpLiterals {

    private static final Pattern IPV4 = Pattern.compile(
            "((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
    private static final Pattern IPV6_CHARACTERS = Pattern.compile("[0-9A-Fa-f:.]+");

    private IpLiterals() {
    }

    /** InetAddress.getByName only skips DNS for literals, so anything else is refused before it is called. */
    static Optional<InetAddress> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String ip = text.strip();
        boolean literal = IPV4.matcher(ip).matches() || (ip.contains(":") && IPV6_CHARACTERS.matcher(ip).matches());
        if (!literal) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(ip));
        } catch (UnknownHostException malformed) {
            return Optional.empty();
        }
    }

    static boolean isPublic(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            int third = b[2] & 0xff;
            return !(first == 0
                    || (first == 100 && second >= 64 && second <= 127)       // 100.64.0.0/10 shared (CGNAT)
                    || (first == 192 && second == 0 && third == 2)           // 192.0.2.0/24 documentation
                    || (first == 198 && second == 51 && third == 100)        // 198.51.100.0/24 documentation
                    || (first == 203 && second == 0 && third == 113)         // 203.0.113.0/24 documentation
                    || (first == 198 && (second == 18 || second == 19))      // 198.18.0.0/15 benchmarking
                    || first >= 240);                                        // reserved and broadcast
        }
        if (address instanceof Inet6Address) {
            int first = b[0] & 0xff;
            return !((first & 0xfe) == 0xfc                                  // fc00::/7 unique local
                    || (first == 0x20 && (b[1] & 0xff) == 0x01 && (b[2] & 0xff) == 0x0d && (b[3] & 0xff) == 0xb8)); // 2001:db8::/32
        }
        return true;
    }
}
