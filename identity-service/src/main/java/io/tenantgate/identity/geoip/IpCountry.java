package io.tenantgate.identity.geoip;

import java.util.Optional;

/**
 * @param ip      the address as given
 * @param country ISO alpha-2 when FOUND
 * @param network the database network (CIDR) the address fell in, for evidence
 */
public record IpCountry(String ip, IpCountryOutcome outcome, Optional<String> country, Optional<String> network) {

    static IpCountry without(String ip, IpCountryOutcome outcome) {
        return new IpCountry(ip, outcome, Optional.empty(), Optional.empty());
    }
}
