package io.tenantgate.decision.person;

import io.tenantgate.decision.signals.CountrySignal;
import io.tenantgate.decision.signals.SignalSource;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class PersonDeterminerTest {

    private final PersonDeterminer determiner = new PersonDeterminer(25);

    @Test
    void foreignCitizenWithAMatchingPassportIsForeign() {
        PersonDetermination result = determiner.determine(PersonFacts.individual(Set.of("FR"), false,
                List.of(signal(SignalSource.DOCUMENT, "FR"), signal(SignalSource.IP, "FR"))));

        assertThat(result.status()).isEqualTo(PersonStatus.FOREIGN_PERSON);
        assertThat(result.reasons()).containsExactly("declared citizenship FR, neither US citizen nor permanent resident");
        assertThat(result.findings()).isEmpty();
    }

    @Test
    void usCitizenWithAUsPassportIsAUsPerson() {
        PersonDetermination result = determiner.determine(PersonFacts.individual(Set.of("US", "IE"), false,
                List.of(signal(SignalSource.DOCUMENT, "US"))));

        assertThat(result.status()).isEqualTo(PersonStatus.US_PERSON);
        assertThat(result.reasons().get(0)).contains("declared US citizen, corroborated by document");
    }

    @Test
    void permanentResidentWithAGreenCardIsAUsPerson() {
        PersonDetermination result = determiner.determine(PersonFacts.individual(Set.of("IN"), true,
                List.of(signal(SignalSource.DOCUMENT, "US"), signal(SignalSource.ADDRESS, "US"))));

        assertThat(result.status()).isEqualTo(PersonStatus.US_PERSON);
        assertThat(result.reasons().get(0)).startsWith("declared US permanent resident");
    }

    @Test
    void usClaimWithoutDocumentIsCorroboratedByUsSignalsOnly() {
        PersonDetermination result = determiner.determine(PersonFacts.individual(Set.of("US"), false,
                List.of(signal(SignalSource.ADDRESS, "US"), signal(SignalSource.PAYMENT, "US"), signal(SignalSource.IP, "US"))));

        assertThat(result.status()).isEqualTo(PersonStatus.US_PERSON);
        assertThat(result.findings()).isEmpty();
    }

    @Test
    void usClaimContradictedBySignalsIsUndeterminedWithConflicts() {
        PersonDetermination result = determiner.determine(PersonFacts.individual(Set.of("US"), false,
                List.of(signal(SignalSource.ADDRESS, "US"), signal(SignalSource.PAYMENT, "CN"), signal(SignalSource.IP, "CN"))));

        assertThat(result.status()).isEqualTo(PersonStatus.UNDETERMINED);
        assertThat(result.hasConflicts()).isTrue();
        assertThat(result.findings()).extracting(Finding::detail)
                .containsExactly("payment test CN while declared US citizen", "ip test CN while declared US citizen");
    }

    @Test
    void usClaimBackedOnlyByAForeignPassportIsUndetermined() {
        PersonDetermination result = determiner.determine(PersonFacts.individual(Set.of("US"), false,
                List.of(signal(SignalSource.DOCUMENT, "RU"), signal(SignalSource.ADDRESS, "US"))));

        assertThat(result.status()).isEqualTo(PersonStatus.UNDETERMINED);
        assertThat(result.reasons().get(0)).contains("every identity document is foreign-issued");
    }

    @Test
    void uncorroboratedUsClaimIsUndetermined() {
        PersonDetermination result = determiner.determine(PersonFacts.individual(Set.of("US"), false, List.of()));

        assertThat(result.status()).isEqualTo(PersonStatus.UNDETERMINED);
        assertThat(result.findings()).extracting(Finding::kind).containsExactly(FindingKind.NOT_CORROBORATED);
    }

    @Test
    void foreignClaimWithAUsPassportIsUndetermined() {
        PersonDetermination result = determiner.determine(PersonFacts.individual(Set.of("DE"), false,
                List.of(signal(SignalSource.DOCUMENT, "US"))));

        assertThat(result.status()).isEqualTo(PersonStatus.UNDETERMINED);
        assertThat(result.hasConflicts()).isTrue();
    }

    @Test
    void foreignerSeenInTheUsStaysForeignButTheSignalIsReported() {
        PersonDetermination result = determiner.determine(PersonFacts.individual(Set.of("CN"), false,
                List.of(signal(SignalSource.DOCUMENT, "CN"), signal(SignalSource.IP, "US"), signal(SignalSource.DOCUMENT, "HK"))));

        assertThat(result.status()).isEqualTo(PersonStatus.FOREIGN_PERSON);
        assertThat(result.findings()).extracting(Finding::detail).anySatisfy(d -> assertThat(d).contains("ip test US"))
                .anySatisfy(d -> assertThat(d).contains("document test HK is not a declared citizenship"));
    }

    @Test
    void nothingDeclaredIsUndetermined() {
        assertThat(determiner.determine(PersonFacts.individual(Set.of(), false, List.of())).status())
                .isEqualTo(PersonStatus.UNDETERMINED);
        assertThat(determiner.determine(PersonFacts.organisation(null, List.of(), List.of())).reasons())
                .containsExactly("no country of incorporation declared");
    }

    @Test
    void foreignCompanyIsForeignWhoeverOwnsIt() {
        PersonDetermination result = determiner.determine(PersonFacts.organisation("SG",
                List.of(signal(SignalSource.DOCUMENT, "SG")),
                List.of(Owner.organisation("US Parent Inc", "US", 100, true, List.of()))));

        assertThat(result.status()).isEqualTo(PersonStatus.FOREIGN_PERSON);
        assertThat(result.foreignControlled()).isFalse();
        assertThat(result.ownership()).isPresent();
    }

    @Test
    void usShellOwnedSixtyPercentFromAbroadIsReportedThroughItsOwners() {
        PersonDetermination result = determiner.determine(PersonFacts.organisation("US",
                List.of(signal(SignalSource.DOCUMENT, "US")),
                List.of(Owner.organisation("Shenzhen Holding Ltd", "CN", 60, false, List.of()),
                        Owner.individual("Jane Doe", "US", 40, false))));

        assertThat(result.status()).isEqualTo(PersonStatus.US_PERSON);
        assertThat(result.foreignControlled()).isTrue();
        assertThat(result.findings()).extracting(Finding::kind).containsExactly(FindingKind.FOREIGN_CONTROL);
        assertThat(result.findings().get(0).detail())
                .isEqualTo("US entity 60.0 % foreign-owned, controlled by Shenzhen Holding Ltd (CN)");
    }

    @Test
    void foreignMinorityWithoutControlIsNotReportedButControlIs() {
        List<Owner> minority = List.of(Owner.individual("Ivan Petrov", "RU", 20, false), Owner.individual("Jane Doe", "US", 80, true));
        List<Owner> controllingMinority = List.of(Owner.individual("Ivan Petrov", "RU", 20, true), Owner.individual("Jane Doe", "US", 80, false));

        assertThat(usCompany(minority).foreignControlled()).isFalse();
        PersonDetermination controlled = usCompany(controllingMinority);
        assertThat(controlled.foreignControlled()).isTrue();
        assertThat(controlled.findings().get(0).detail()).contains("20.0 % foreign-owned, controlled by Ivan Petrov (RU)");
    }

    @Test
    void foreignOwnershipIsMultipliedThroughUsIntermediaries() {
        Owner thirtyPercentRussian = Owner.organisation("Delaware Holdings LLC", "US", 100, false,
                List.of(Owner.individual("Ivan Petrov", "RU", 30, false)));
        Owner twentyPercentRussian = Owner.organisation("Delaware Holdings LLC", "US", 50, false,
                List.of(Owner.individual("Ivan Petrov", "RU", 40, false)));

        assertThat(usCompany(List.of(thirtyPercentRussian)).foreignControlled()).isTrue();
        assertThat(usCompany(List.of(twentyPercentRussian)).foreignControlled()).isFalse();
        assertThat(usCompany(List.of(twentyPercentRussian)).ownership().orElseThrow().foreignPercent()).isEqualTo(20.0);
    }

    @Test
    void ownersOfUnknownCountryAreFindings() {
        PersonDetermination result = usCompany(List.of(Owner.individual("J. Smith", null, 30, false),
                Owner.individual("Jane Doe", "US", 70, false)));

        assertThat(result.findings()).extracting(Finding::kind).containsExactly(FindingKind.OWNER_COUNTRY_UNKNOWN);
        assertThat(result.ownership().orElseThrow().unknownPercent()).isEqualTo(30.0);
    }

    private PersonDetermination usCompany(List<Owner> owners) {
        return determiner.determine(PersonFacts.organisation("US", List.of(signal(SignalSource.DOCUMENT, "US")), owners));
    }

    private static CountrySignal signal(SignalSource source, String country) {
        return new CountrySignal(source, country, "test");
    }
}
