package io.tenantgate.identity.cases;

import io.tenantgate.identity.client.ScreeningSummary;
import io.tenantgate.decision.person.Owner;
import io.tenantgate.decision.person.PartyKind;
import io.tenantgate.decision.person.PersonDetermination;
import io.tenantgate.decision.person.PersonDeterminer;
import io.tenantgate.decision.person.PersonFacts;
import io.tenantgate.decision.risk.ListHit;
import io.tenantgate.decision.risk.Reseller;
import io.tenantgate.decision.risk.RiskAssessment;
import io.tenantgate.decision.risk.RiskEngine;
import io.tenantgate.decision.risk.RiskInput;
import io.tenantgate.decision.risk.Screening;
import io.tenantgate.decision.signals.CheckResult;
import io.tenantgate.identity.verification.CountryConsistencyCheck;
import io.tenantgate.decision.signals.CountrySignal;
import io.tenantgate.identity.verification.EmailVerifier;
import io.tenantgate.identity.verification.PhoneVerifier;
import io.tenantgate.decision.signals.SignalSource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Assesses a case: puts what the customer declared and what screening found into the risk engine's terms
 * (the US / foreign person determination, the contact checks, the screening of every party) and lets it
 * decide. Parties are named as screening-service names them: "customer", "customer/owner0", ...
 */
public final class CaseAssessor {

    private final RiskEngine risk;
    private final PersonDeterminer persons;
    private final RequiredData required;
    private final PhoneVerifier phones = new PhoneVerifier();

    public CaseAssessor(RiskEngine risk, PersonDeterminer persons, RequiredData required) {
        this.risk = risk;
        this.persons = persons;
        this.required = required;
    }

    public Assessment assess(CaseRequest request, ScreeningSummary screening, CaseEvidence evidence) {
        PersonFacts facts = facts(request, evidence.signals());
        PersonDetermination person = persons.determine(facts);
        List<CheckResult> checks = new ArrayList<>(evidence.checks());
        if (!evidence.signals().isEmpty()) {
            checks.add(CountryConsistencyCheck.check(request.countries().get(0), facts.signals()));
        }
        request.emails().forEach(email -> checks.addAll(EmailVerifier.verify(email).checks()));
        String region = request.countries().get(0);
        request.phones().forEach(phone -> checks.add(phones.verify(phone, region).check()));
        Optional<Reseller> reseller = Optional.ofNullable(request.reseller())
                .map(r -> new Reseller(r.name(), r.country(), r.cipAttestationOnFile()));
        return new Assessment(risk.assess(new RiskInput(facts, person, checks, screening(request, screening),
                reseller, required.missing(request, evidence))), person);
    }

    /** The risk engine's decision and the US / foreign person determination it weighed. */
    public record Assessment(RiskAssessment risk, PersonDetermination person) {
    }

    private static Screening screening(CaseRequest request, ScreeningSummary summary) {
        Map<String, CaseRequest.Kind> parties = new LinkedHashMap<>();
        parties.put("customer", request.kind());
        addOwnerReferences("customer", request.owners(), parties);
        if (request.reseller() != null) {
            parties.put("reseller", CaseRequest.Kind.ORGANIZATION);
        }
        Set<String> required = parties.keySet();
        if (summary == null) {
            return Screening.notPerformed(required);
        }
        List<ListHit> hits = summary.hits().stream()
                .map(hit -> listHit(hit, parties.get(hit.partyReference()) == CaseRequest.Kind.ORGANIZATION)).toList();
        List<String> blocks = summary.ownershipFindings().stream()
                .filter(finding -> finding.rule().equals("AGGREGATE_50") || finding.control())
                .sorted(java.util.Comparator.comparing(finding -> !finding.rule().equals("AGGREGATE_50")))
                .map(finding -> finding.rule().equals("AGGREGATE_50")
                        ? String.format(Locale.ROOT, "AGGREGATE_50: listed owners hold %.1f %% through %s",
                                finding.aggregatePercentage(), finding.chains())
                        : "a listed owner controls it through " + finding.chains())
                .toList();
        return new Screening(required, required, hits, blocks);
    }

    private static ListHit listHit(ScreeningSummary.Hit hit, boolean organisation) {
        return new ListHit(hit.partyReference(), organisation, hit.entryKey(), hit.sources(), hit.matchedName(), hit.score(),
                hit.nameScore(), hit.addressOnly(), hit.facts().stream().map(fact -> new ListHit.HitFact(fact.fact(),
                        fact.agrees(), fact.queryValue(), fact.listValue(), fact.conclusive())).toList());
    }

    private static void addOwnerReferences(String parent, List<CaseRequest.Owner> owners, Map<String, CaseRequest.Kind> into) {
        for (int i = 0; i < owners.size(); i++) {
            String reference = parent + "/owner" + i;
            into.put(reference, owners.get(i).kind());
            addOwnerReferences(reference, owners.get(i).owners(), into);
        }
    }

    private static PersonFacts facts(CaseRequest request, List<CountrySignal> observed) {
        List<CountrySignal> signals = new ArrayList<>();
        request.addresses().forEach(a -> signals.add(new CountrySignal(SignalSource.ADDRESS, a.country(), "declared address")));
        signals.addAll(observed);
        if (request.kind() == CaseRequest.Kind.PERSON) {
            return PersonFacts.individual(Set.copyOf(request.countries()), false, signals);
        }
        return PersonFacts.organisation(request.countries().get(0), signals, owners(request.owners()));
    }

    private static List<Owner> owners(List<CaseRequest.Owner> declared) {
        return declared.stream().map(o -> new Owner(o.name(),
                o.kind() == CaseRequest.Kind.PERSON ? PartyKind.INDIVIDUAL : PartyKind.ORGANISATION,
                Set.copyOf(o.countries()), false, o.percentage(), o.control(), owners(o.owners()))).toList();
    }
}
