package io.tenantgate.decision.person;

import io.tenantgate.decision.signals.CountrySignal;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What is known about a customer for the US / foreign decision.
 *
 * @param declaredCountries       citizenships of an individual, or the country of incorporation of an organisation
 * @param lawfulPermanentResident declared US permanent residence (individuals)
 * @param signals                 countries of the address, documents, payment instruments and accesses
 * @param owners                  beneficial owners of an organisation (empty for individuals)
 */
public record PersonFacts(PartyKind kind, Set<String> declaredCountries, boolean lawfulPermanentResident,
                          List<CountrySignal> signals, List<Owner> owners) {

    public PersonFacts {
        Objects.requireNonNull(kind, "kind");
        declaredCountries = Owner.normalisedCountries(declaredCountries);
        signals = List.copyOf(signals);
        owners = List.copyOf(owners);
    }

    public static PersonFacts individual(Set<String> citizenships, boolean lawfulPermanentResident,
                                         List<CountrySignal> signals) {
        return new PersonFacts(PartyKind.INDIVIDUAL, citizenships, lawfulPermanentResident, signals, List.of());
    }

    public static PersonFacts organisation(String incorporationCountry, List<CountrySignal> signals, List<Owner> owners) {
        return new PersonFacts(PartyKind.ORGANISATION, incorporationCountry == null ? Set.of() : Set.of(incorporationCountry),
                false, signals, owners);
    }

    public boolean claimsUsStatus() {
        return declaredCountries.contains("US") || lawfulPermanentResident;
    }
}
