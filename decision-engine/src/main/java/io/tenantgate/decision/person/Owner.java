package io.tenantgate.decision.person;

import io.tenantgate.decision.signals.Countries;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A beneficial owner as declared, possibly owned in turn.
 *
 * @param countries                 citizenships of an individual, country of incorporation of an organisation (ISO
 *                                  alpha-2); empty when not declared
 * @param lawfulPermanentResident   an individual holding a US green card
 * @param percentage                share held in the party above, 0 to 100
 * @param control                   declared substantial control (director, voting agreement, ...) whatever the share
 */
public record Owner(String name, PartyKind kind, Set<String> countries, boolean lawfulPermanentResident,
                    double percentage, boolean control, List<Owner> owners) {

    public Owner {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        countries = normalisedCountries(countries);
        if (!(percentage >= 0 && percentage <= 100)) {
            throw new IllegalArgumentException("percentage of " + name + " must be within 0-100, got " + percentage);
        }
        owners = List.copyOf(owners);
    }

    public static Owner individual(String name, String citizenship, double percentage, boolean control) {
        return new Owner(name, PartyKind.INDIVIDUAL, citizenship == null ? Set.of() : Set.of(citizenship), false,
                percentage, control, List.of());
    }

    public static Owner organisation(String name, String incorporation, double percentage, boolean control,
                                     List<Owner> owners) {
        return new Owner(name, PartyKind.ORGANISATION, incorporation == null ? Set.of() : Set.of(incorporation), false,
                percentage, control, owners);
    }

    /** US citizen, permanent resident or US-organised entity. */
    public boolean isUsPerson() {
        return countries.contains("US") || lawfulPermanentResident;
    }

    public boolean countryUnknown() {
        return countries.isEmpty() && !lawfulPermanentResident;
    }

    static Set<String> normalisedCountries(Set<String> declared) {
        return declared.stream().map(code -> Countries.normalise(code).orElseThrow(
                () -> new IllegalArgumentException("not an ISO alpha-2 country: " + code))).collect(Collectors.toUnmodifiableSet());
    }
}
