package io.tenantgate.identity.cases;

import io.tenantgate.identity.testing.ScreeningHits;
import io.tenantgate.identity.client.ScreeningSummary;
import io.tenantgate.decision.person.PersonDeterminer;
import io.tenantgate.decision.risk.Decision;
import io.tenantgate.decision.risk.RiskAssessment;
import io.tenantgate.decision.risk.RiskEngine;
import io.tenantgate.decision.risk.RiskSettings;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CaseAssessorTest {

    private final CaseAssessor assessor = new CaseAssessor(new RiskEngine(RiskSettings.defaults()), new PersonDeterminer(25),
            RequiredData.NOTHING);

    private static final CaseRequest SHELL = new CaseRequest(CaseRequest.Kind.ORGANIZATION, "Bluewater Compute LLC",
            List.of(), null, List.of("US"), List.of(), List.of(), List.of(), List.of(), null,
            List.of(new CaseRequest.Owner(CaseRequest.Kind.ORGANIZATION, "Listed Holdings", null, List.of("BY"),
                    List.of(), 60, false, List.of())));

    private static final CaseRequest PERSON = new CaseRequest(CaseRequest.Kind.PERSON, "Amelie Laurent", List.of(),
            new CaseRequest.Date(1985, 4, 12), List.of("FR"), List.of(), List.of(), List.of(), List.of(), null, List.of());

    @Test
    void withoutScreeningNothingIsApproved() {
        assertEquals(Decision.PENDING_SCREENING, assessor.assess(SHELL, null, CaseEvidence.NONE).risk().decision());
    }

    @Test
    void aCleanScreeningApprovesAForeignPerson() {
        assertEquals(Decision.APPROVED, assessor.assess(PERSON, summary(List.of(), List.of()), CaseEvidence.NONE).risk().decision());
    }

    @Test
    void aUsShellUnderForeignControlIsNotWavedThrough() {
        RiskAssessment verdict = assessor.assess(SHELL, summary(List.of(), List.of()), CaseEvidence.NONE).risk();
        assertEquals(Decision.REVIEW, verdict.decision(), verdict.reasons().toString());
    }

    @Test
    void listedOwnershipOfHalfOrMoreRejectsNamingTheChain() {
        var finding = new ScreeningSummary.OwnershipFinding("AGGREGATE_50", 60,
                List.of(List.of("customer", "customer/owner0")), false);
        RiskAssessment verdict = assessor.assess(SHELL, summary(List.of(hit("customer/owner0", 0.93)), List.of(finding)), CaseEvidence.NONE).risk();
        assertEquals(Decision.REJECTED, verdict.decision());
        assertTrue(verdict.reasons().get(0).contains("AGGREGATE_50"), verdict.reasons().toString());
    }

    @Test
    void aListedOwnerInControlRejectsWhateverItsShare() {
        var control = new ScreeningSummary.OwnershipFinding("LISTED_OWNER", 10,
                List.of(List.of("customer", "customer/owner0")), true);
        var minority = new ScreeningSummary.OwnershipFinding("LISTED_OWNER", 30,
                List.of(List.of("customer", "customer/owner0")), false);
        RiskAssessment controlled = assessor.assess(SHELL, summary(List.of(), List.of(control)), CaseEvidence.NONE).risk();
        assertEquals(Decision.REJECTED, controlled.decision());
        assertEquals("blocked through its owners: a listed owner controls it through [[customer, customer/owner0]]",
                controlled.reasons().get(0));
        assertEquals(Decision.REVIEW, assessor.assess(SHELL, summary(List.of(), List.of(minority)), CaseEvidence.NONE)
                .risk().decision());
    }

    @Test
    void aConfirmedMatchRejectsAndANameAloneGoesToReview() {
        assertEquals(Decision.REJECTED, assessor.assess(PERSON, summary(List.of(confirmed("customer")), List.of()), CaseEvidence.NONE).risk().decision());
        RiskAssessment nameOnly = assessor.assess(PERSON, summary(List.of(hit("customer", 0.99)), List.of()), CaseEvidence.NONE).risk();
        assertEquals(Decision.REVIEW, nameOnly.decision());
        assertTrue(nameOnly.reasons().stream().anyMatch(reason -> reason.contains("name only; no identifier to confirm")),
                nameOnly.reasons().toString());
    }

    @Test
    void requiredDataMissingHoldsTheCaseUntilItArrivesButNeverHidesARejection() {
        CaseAssessor strict = new CaseAssessor(new RiskEngine(RiskSettings.defaults()), new PersonDeterminer(25),
                new RequiredData(Set.of("addresses", "documents"), Set.of("owners")));
        RiskAssessment waiting = strict.assess(PERSON, summary(List.of(), List.of()), CaseEvidence.NONE).risk();
        assertEquals(Decision.PENDING_INFO, waiting.decision());
        assertTrue(waiting.reasons().get(0).contains("addresses, documents"), waiting.reasons().toString());
        CaseRequest withAddress = new CaseRequest(PERSON.kind(), PERSON.legalName(), List.of(), PERSON.date(),
                PERSON.countries(), List.of(new CaseRequest.Address(List.of("1 rue Royale"), "Paris", null, "75008", "FR")),
                List.of(), List.of(), List.of(), null, List.of());
        CaseEvidence oneDocument = new CaseEvidence(List.of(), List.of(), 1, 0);
        assertEquals(Decision.APPROVED, strict.assess(withAddress, summary(List.of(), List.of()), oneDocument).risk().decision());
        assertEquals(Decision.REJECTED, strict.assess(PERSON, summary(List.of(confirmed("customer")), List.of()),
                CaseEvidence.NONE).risk().decision(), "a listed party is rejected whatever data is missing");
    }

    @Test
    void theResellerIsScreenedLikeAnyParty() {
        CaseRequest viaReseller = new CaseRequest(PERSON.kind(), PERSON.legalName(), List.of(), PERSON.date(),
                PERSON.countries(), List.of(), List.of(), List.of(), List.of(),
                new CaseRequest.Reseller("Listed Reseller FZE", "AE", true), List.of());
        RiskAssessment verdict = assessor.assess(viaReseller, summary(List.of(confirmed("reseller")), List.of()),
                CaseEvidence.NONE).risk();
        assertEquals(Decision.REJECTED, verdict.decision());
        assertTrue(verdict.reasons().get(0).contains("reseller"), verdict.reasons().toString());
    }

    @Test
    void unknownRequiredDataIsAConfigurationError() {
        IllegalArgumentException error = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new RequiredData(Set.of("passportPhoto"), Set.of()));
        assertTrue(error.getMessage().contains("passportPhoto"));
    }

    private static ScreeningSummary.Hit hit(String party, double score) {
        return ScreeningHits.nameOnly(party, "EL:1", "EL", score, "LISTED HOLDINGS");
    }

    /** A near-exact name whose listed date of birth agrees: evidence an examiner accepts. */
    private static ScreeningSummary.Hit confirmed(String party) {
        return new ScreeningSummary.Hit(party, "EL:1", List.of("EL"), 1.0, "LISTED HOLDINGS", "explained", 1.0, false,
                List.of(new ScreeningSummary.Fact("date_of_birth", true, "1980-01-01", "[1980-01-01]", false)));
    }

    private static ScreeningSummary summary(List<ScreeningSummary.Hit> hits, List<ScreeningSummary.OwnershipFinding> owners) {
        return new ScreeningSummary(hits, owners, List.of(), List.of("CSL:1", "SDN:1"), 0.88, 0);
    }
}
