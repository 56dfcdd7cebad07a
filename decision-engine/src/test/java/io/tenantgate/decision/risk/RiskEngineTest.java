package io.tenantgate.decision.risk;

import io.tenantgate.decision.person.Owner;
import io.tenantgate.decision.person.PartyKind;
import io.tenantgate.decision.person.PersonFacts;
import io.tenantgate.decision.signals.CheckResult;
import io.tenantgate.decision.signals.CountrySignal;
import io.tenantgate.decision.signals.SignalSource;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import static io.tenantgate.decision.risk.RiskCases.CUSTOMER_SCREENED_CLEAN;
import static io.tenantgate.decision.risk.RiskCases.clean;
import static io.tenantgate.decision.risk.RiskCases.foreignIndividual;
import static io.tenantgate.decision.risk.RiskCases.input;
import static io.tenantgate.decision.risk.RiskCases.usCompanyOwnedBy;
import static org.assertj.core.api.Assertions.assertThat;

class RiskEngineTest {

    private final RiskEngine engine = new RiskEngine(RiskSettings.defaults());

    @Test
    void cleanScreenedForeignPersonIsApproved() {
        RiskAssessment result = engine.assess(clean(foreignIndividual("FR")));

        assertThat(result.decision()).isEqualTo(Decision.APPROVED);
        assertThat(result.score()).isZero();
        assertThat(result.factors()).isEmpty();
        assertThat(result.reasons()).containsExactly("screened with no match, risk score 0 below the review threshold 30");
    }

    @Test
    void unscreenedCaseWaitsForScreening() {
        RiskAssessment result = engine.assess(input(foreignIndividual("FR"), Screening.notPerformed(Set.of("customer")), List.of()));

        assertThat(result.decision()).isEqualTo(Decision.PENDING_SCREENING);
        assertThat(result.reasons().get(0)).isEqualTo("not screened yet: customer");
    }

    @Test
    void anOwnerLeftUnscreenedKeepsTheCasePending() {
        Screening partial = new Screening(Set.of("customer", "owner Jane Doe"), Set.of("customer"), List.of());

        RiskAssessment result = engine.assess(input(foreignIndividual("FR"), partial, List.of()));

        assertThat(result.decision()).isEqualTo(Decision.PENDING_SCREENING);
        assertThat(result.reasons().get(0)).contains("owner Jane Doe");
    }

    @Test
    void neverApprovedWithoutCompleteScreeningWhateverElseHolds() {
        Stream.of(Screening.notPerformed(Set.of("customer")), new Screening(Set.of(), Set.of(), List.of()),
                        new Screening(Set.of("customer", "reseller"), Set.of("customer"), List.of()))
                .forEach(screening -> assertThat(engine.assess(input(foreignIndividual("FR"), screening, List.of())).decision())
                        .as(screening.toString()).isNotEqualTo(Decision.APPROVED).isEqualTo(Decision.PENDING_SCREENING));
    }

    @Test
    void missingDataAsksForItBeforeAnythingElse() {
        PersonFacts facts = foreignIndividual("FR");
        RiskInput missing = new RiskInput(facts, RiskCases.DETERMINER.determine(facts), List.of(),
                Screening.notPerformed(Set.of("customer")), Optional.empty(), List.of("dateOfBirth", "address"));

        RiskAssessment result = engine.assess(missing);

        assertThat(result.decision()).isEqualTo(Decision.PENDING_INFO);
        assertThat(result.reasons().get(0)).isEqualTo("required data missing: dateOfBirth, address");
    }

    @Test
    void aNearExactNameWithAnAgreeingBirthDateRejects() {
        RiskAssessment result = engine.assess(input(foreignIndividual("RU"), screened(with(IVANOV, 
                fact("date_of_birth", true, "1970-05-01", "[1970-05-01]"), fact("nationality", true, "RU", "RU"))), List.of()));

        assertThat(result.decision()).isEqualTo(Decision.REJECTED);
        assertThat(result.reasons().get(0)).isEqualTo("restricted party: the customer is 'IVANOV, Ivan' (SDN:1 on SDN): "
                + "name near-exact (name score 1.00) and date of birth 1970-05-01 agrees with [1970-05-01] and nationality RU "
                + "agrees with RU; no identifier conflicts");
    }

    @Test
    void aNameAloneNeverRejectsHoweverExact() {
        // an Entity List entry with no date of birth, listed at an address in another country than the customer's
        ListHit exactName = new ListHit("customer", false, "EL:7", List.of("EL"), "WONG, David", 1.0, 1.0, false, List.of());

        RiskAssessment result = engine.assess(input(foreignIndividual("CN"), screened(exactName), List.of()));

        assertThat(result.score()).as("60 for the match, 40 for the country").isEqualTo(100);
        assertThat(result.decision()).isEqualTo(Decision.REVIEW);
        assertThat(result.reasons().get(0)).isEqualTo("1 listed party potentially matches; an analyst clears or confirms each");
        assertThat(result.reasons()).contains("potential match: the customer may be 'WONG, David' (EL:7 on EL), match 1.00: "
                + "name only; no identifier to confirm (+60)");
    }

    @Test
    void aConflictingIdentifierKeepsTheMatchInReviewAndSaysSo() {
        ListHit conflicting = with(IVANOV, fact("year_of_birth", false, "1985", "[1970-05-01]"), fact("nationality", true, "RU", "RU"));

        RiskAssessment result = engine.assess(input(foreignIndividual("FR"), screened(conflicting), List.of()));

        assertThat(result.decision()).isEqualTo(Decision.REVIEW);
        assertThat(result.reasons()).anyMatch(reason -> reason.startsWith("potential match: the customer may be 'IVANOV, Ivan' "
                + "(SDN:1 on SDN), match 1.00: year of birth 1985 conflicts with [1970-05-01], which lowered the match; "
                + "nationality RU agrees with RU"));
    }

    @Test
    void anAgreeingIdentifierWithANameThatIsNotNearExactGoesToReview() {
        ListHit close = new ListHit("customer", false, "SDN:1", List.of("SDN"), "IVANOV, Ivan", 0.93, 0.9, false,
                List.of(fact("date_of_birth", true, "1970-05-01", "[1970-05-01]")));

        RiskAssessment result = engine.assess(input(foreignIndividual("FR"), screened(close), List.of()));

        assertThat(result.decision()).isEqualTo(Decision.REVIEW);
        assertThat(result.reasons()).anyMatch(reason -> reason.contains("but the name is not near-exact (name score 0.90)"));
    }

    @Test
    void aListedWalletOrContactRejectsWhateverTheName() {
        ListHit wallet = new ListHit("customer", false, "SDN:2", List.of("SDN"), "BLENDER.IO", 1.0, 0.2, false,
                List.of(new ListHit.HitFact("id_email_address", true, "support@blender.example", "support@blender.example", true)));

        RiskAssessment result = engine.assess(input(foreignIndividual("FR"), screened(wallet), List.of()));

        assertThat(result.decision()).isEqualTo(Decision.REJECTED);
        assertThat(result.reasons().get(0)).isEqualTo("restricted party: the customer gives id email address "
                + "support@blender.example, listed for 'BLENDER.IO' (SDN:2 on SDN), the listed party's whatever the name");
    }

    @Test
    void anAddressCountryIdentifiesOnlyAnAddressOnlyEntryOrAnOrganisation() {
        ListHit.HitFact country = fact("country", true, "HK", "HK");
        ListHit person = new ListHit("customer", false, "EL:9", List.of("EL"), "CHAN, Wing", 1.0, 1.0, false, List.of(country));
        ListHit address = new ListHit("customer", false, "EL:a1", List.of("EL"), "Room 1102, 8 Sample Road, Kowloon", 0.98, 0.98, true,
                List.of(country));

        ListHit company = new ListHit("customer", true, "EL:10", List.of("EL"), "Vostok Trading LLC", 1.0, 1.0, false,
                List.of(country));
        assertThat(engine.assess(input(foreignIndividual("FR"), screened(person), List.of())).decision())
                .isEqualTo(Decision.REVIEW);
        assertThat(engine.assess(input(foreignIndividual("FR"), screened(company), List.of())).decision())
                .as("an organisation's country is its nationality").isEqualTo(Decision.REJECTED);
        assertThat(engine.assess(input(foreignIndividual("FR"), screened(address), List.of())).decision())
                .isEqualTo(Decision.REJECTED);
    }

    @Test
    void oneListedPartyCountsOnceWhateverItsSourcesAndWhoeverItMatched() {
        ListHit onTwoSources = new ListHit("customer", false, "DPL:5", List.of("DPL", "DTC"), "MARIA LUISA SANCHEZ-LOPEZ", 0.9, 0.9, false,
                List.of());
        ListHit sameEntryThroughAnOwner = new ListHit("customer/owner0", false, "DPL:5", List.of("DPL", "DTC"), "MARIA LUISA SANCHEZ-LOPEZ",
                0.85, 0.85, false, List.of());

        RiskAssessment result = engine.assess(input(foreignIndividual("MX"),
                new Screening(Set.of("customer", "customer/owner0"), Set.of("customer", "customer/owner0"),
                        List.of(onTwoSources, sameEntryThroughAnOwner)), List.of()));

        assertThat(result.factors()).filteredOn(factor -> factor.rule().equals(ListHitRule.NAME)).singleElement()
                .extracting(RiskFactor::points).isEqualTo(54);
        assertThat(result.score()).isEqualTo(54);
        assertThat(result.decision()).isEqualTo(Decision.REVIEW);
    }

    @Test
    void potentialMatchGoesToReviewEvenWhenTheScoreIsLow() {
        RiskSettings lenient = new RiskSettings(Set.of(), 90, 95, 0.97, 25, 3, RiskWeights.defaults());
        Screening potential = screened(new ListHit("customer", false, "SDN:3", List.of("SDN"), "PETROV, Ivan", 0.40, 0.40, false, List.of()));

        RiskAssessment result = new RiskEngine(lenient).assess(input(foreignIndividual("FR"), potential, List.of()));

        assertThat(result.score()).isEqualTo(24);
        assertThat(result.decision()).isEqualTo(Decision.REVIEW);
    }

    private static final ListHit IVANOV = new ListHit("customer", false, "SDN:1", List.of("SDN"), "IVANOV, Ivan", 1.0, 1.0, false, List.of());

    private static ListHit with(ListHit hit, ListHit.HitFact... facts) {
        return new ListHit(hit.party(), hit.organisation(), hit.entryKey(), hit.sources(), hit.entryName(), hit.score(), hit.nameScore(),
                hit.addressOnly(), List.of(facts));
    }

    private static ListHit.HitFact fact(String name, boolean agrees, String queried, String listed) {
        return new ListHit.HitFact(name, agrees, queried, listed, false);
    }

    private static Screening screened(ListHit hit) {
        return new Screening(Set.of("customer"), Set.of("customer"), List.of(hit));
    }


    @Test
    void jurisdictionOfConcernCountsOnceAtItsStrongestLink() {
        RiskAssessment result = engine.assess(clean(foreignIndividual("CN")));

        assertThat(result.factors()).hasSize(1);
        RiskFactor factor = result.factors().get(0);
        assertThat(factor.rule()).isEqualTo(JurisdictionRule.NAME);
        assertThat(factor.points()).isEqualTo(40);
        assertThat(factor.reason()).isEqualTo("CN is a jurisdiction of concern: declared; document passport CN; ip IP 1 CN");
        assertThat(result.decision()).isEqualTo(Decision.REVIEW);
    }

    @Test
    void accessFromAJurisdictionOfConcernAloneWeighsLess() {
        PersonFacts facts = PersonFacts.individual(Set.of("FR"), false, List.of(
                new CountrySignal(SignalSource.DOCUMENT, "FR", "passport"),
                new CountrySignal(SignalSource.IP, "FR", "IP 1"),
                new CountrySignal(SignalSource.IP, "RU", "IP 77.88.55.242")));

        RiskAssessment result = engine.assess(clean(facts));

        assertThat(result.score()).isEqualTo(15);
        assertThat(result.decision()).isEqualTo(Decision.APPROVED);
    }

    @Test
    void usShellOwnedFromAJurisdictionOfConcernIsCaughtThroughItsOwners() {
        PersonFacts shell = usCompanyOwnedBy(Owner.organisation("Shenzhen Holding Ltd", "CN", 60, false, List.of()),
                Owner.individual("Jane Doe", "US", 40, false));

        RiskAssessment result = engine.assess(clean(shell));

        assertThat(result.factors()).extracting(RiskFactor::rule).containsExactlyInAnyOrder(JurisdictionRule.NAME,
                OwnershipOpacityRule.NAME);
        assertThat(result.score()).isEqualTo(35 + 25);
        assertThat(result.decision()).isEqualTo(Decision.REVIEW);
        assertThat(result.reasons()).anySatisfy(r -> assertThat(r).contains("owner Shenzhen Holding Ltd (60.0 %, controlling)"));
    }

    @Test
    void opaqueOwnershipAddsPoints() {
        Owner deep = Owner.organisation("A LLC", "US", 100, true, List.of(
                Owner.organisation("B LLC", "US", 100, true, List.of(
                        Owner.organisation("C LLC", "US", 100, true, List.of(
                                new Owner("D Trust", PartyKind.ORGANISATION, Set.of(), false,
                                        100, true, List.of())))))));

        RiskAssessment result = engine.assess(clean(usCompanyOwnedBy(deep)));

        assertThat(result.factors()).extracting(RiskFactor::reason).containsExactlyInAnyOrder(
                "owner D Trust at layer 4 has no declared country",
                "ownership declared 4 layers deep, more than the 3 allowed");
        assertThat(result.score()).isEqualTo(15 + 20);
    }

    @Test
    void failedChecksAddTheirConfiguredPointsAndCanReject() {
        List<CheckResult> checks = List.of(
                CheckResult.fail("document.not-specimen", "issued by UTO"),
                CheckResult.fail("document.expiry", "expired on 2012-04-15"),
                CheckResult.fail("contact.phone", "not a valid number"),
                CheckResult.pass("payment.iban", "valid"));

        RiskAssessment result = engine.assess(input(foreignIndividual("FR"), CUSTOMER_SCREENED_CLEAN, checks));

        assertThat(result.score()).isEqualTo(60 + 25 + 15);
        assertThat(result.decision()).isEqualTo(Decision.REJECTED);
        assertThat(result.reasons().get(0)).isEqualTo("risk score 100 at or above the rejection threshold 70");
        assertThat(result.reasons().get(1)).startsWith("document.not-specimen failed: issued by UTO (+60)");
    }

    @Test
    void scoreIsCappedAtOneHundred() {
        List<CheckResult> checks = Stream.of("a", "b", "c", "d", "e", "f", "g", "h")
                .map(name -> CheckResult.fail(name, "failed")).toList();

        assertThat(engine.assess(input(foreignIndividual("FR"), CUSTOMER_SCREENED_CLEAN, checks)).score()).isEqualTo(100);
    }

    @Test
    void resellerInAJurisdictionOfConcernWithoutAttestationGoesToReview() {
        PersonFacts facts = foreignIndividual("FR");
        RiskInput viaReseller = new RiskInput(facts, RiskCases.DETERMINER.determine(facts), List.of(),
                CUSTOMER_SCREENED_CLEAN, Optional.of(new Reseller("Moscow Cloud LLC", "RU", false)), List.of());

        RiskAssessment result = engine.assess(viaReseller);

        assertThat(result.score()).isEqualTo(30 + 20);
        assertThat(result.decision()).isEqualTo(Decision.REVIEW);
        assertThat(result.factors()).allSatisfy(f -> assertThat(f.rule()).isEqualTo(ResellerRule.NAME));
    }

    @Test
    void conflictingStatusSignalsAreWeighed() {
        PersonFacts conflicted = PersonFacts.individual(Set.of("US"), false, List.of(
                new CountrySignal(SignalSource.ADDRESS, "US", "address"),
                new CountrySignal(SignalSource.PAYMENT, "DE", "card ending 1111")));

        RiskAssessment result = engine.assess(clean(conflicted));

        assertThat(result.factors()).extracting(RiskFactor::rule).containsOnly(PersonStatusRule.NAME);
        assertThat(result.score()).isEqualTo(30 + 10);
        assertThat(result.decision()).isEqualTo(Decision.REVIEW);
    }
}
