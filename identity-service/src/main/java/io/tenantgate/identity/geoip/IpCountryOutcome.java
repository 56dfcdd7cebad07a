package io.tenantgate.identity.geoip;

/** How an IP-to-country lookup ended. */
public enum IpCountryOutcome {
    FOUND,
    /** A public address the database has no country for. */
    NOT_FOUND,
    /** Loopback, private, link-local, shared (CGNAT), documentation or multicast: no country to find. */
    NOT_PUBLIC,
    /** Not an IPv4 or IPv6 literal (host names are refused: no DNS lookups). */
    INVALID
}
