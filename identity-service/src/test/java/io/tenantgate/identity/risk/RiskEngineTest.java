package io.tenantgate.identity.risk;

import io.tenantgate.identity.person.Owner;
import io.tenantgate.identity.person.PartyKind;
import io.tenantgate.identity.person.PersonFacts;
import io.tenantgate.identity.verification.CheckResult;
import io.tenantgate.identity.verification.CountrySignal;
import io.tenantgate.identity.verification.SignalSource;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import static io.tenantgate.identity.risk.RiskCases.CUSTOMER_SCREENED_CLEAN;
import static io.tenantgate.identity.risk.RiskCases.clean;
import static io.tenantgate.identity.risk.RiskCases.foreignIndividual;
import static io.tenantgate.identity.risk.RiskCases.input;
import static io.tenantgate.identity.risk.RiskCases.usCompanyOwnedBy;
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
    void nearCertainListMatchRejects() {
        Screening hit = new Screening(Set.of("customer"), Set.of("customer"),
                List.of(new ListHit("customer", "EL", "Shenzhen Example Technology Co., Ltd.", 0.99)));

        RiskAssessment result = engine.assess(input(foreignIndividual("CN"), hit, List.of()));

        assertThat(result.decision()).isEqualTo(Decision.REJECTED);
        assertThat(result.reasons().get(0)).startsWith("restricted party: customer matches EL entry");
    }

    @Test
    void potentialMatchGoesToReviewEvenWhenTheScoreIsLow() {
        RiskSettings lenient = new RiskSettings(Set.of(), 90, 95, 0.97, 25, 3, RiskWeights.defaults());
        Screening potential = new Screening(Set.of("customer"), Set.of("customer"),
                List.of(new ListHit("customer", "SDN", "PETROV, Ivan", 0.40)));

        RiskAssessment result = new RiskEngine(lenient).assess(input(foreignIndividual("FR"), potential, List.of()));

        assertThat(result.score()).isEqualTo(24);
        assertThat(result.decision()).isEqualTo(Decision.REVIEW);
        assertThat(result.reasons().get(0)).isEqualTo("1 potential list match(es) for an analyst to clear");
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
