package io.tenantgate.decision.signals;

import java.util.Locale;
import java.util.Objects;

/**
 * One country observed about a customer.
 *
 * @param country ISO alpha-2
 * @param label   what it is about, for evidence ("passport", "card ending 1111", "IP 8.8.8.8"); never a full number
 */
public record CountrySignal(SignalSource source, String country, String label) {

    public CountrySignal {
        Objects.requireNonNull(source, "source");
        String declared = country;
        country = Countries.normalise(declared)
                .orElseThrow(() -> new IllegalArgumentException("not an ISO alpha-2 country: " + declared));
        Objects.requireNonNull(label, "label");
    }

    public String describe() {
        return source.name().toLowerCase(Locale.ROOT) + " " + label + " " + country;
    }
}
