package io.tenantgate.identity.cases;

import io.tenantgate.identity.client.ScreeningSummary;
import io.tenantgate.identity.person.Owner;
import io.tenantgate.identity.person.PartyKind;
import io.tenantgate.identity.person.PersonDetermination;
import io.tenantgate.identity.person.PersonDeterminer;
import io.tenantgate.identity.person.PersonFacts;
import io.tenantgate.identity.risk.ListHit;
import io.tenantgate.identity.risk.Reseller;
import io.tenantgate.identity.risk.RiskAssessment;
import io.tenantgate.identity.risk.RiskEngine;
import io.tenantgate.identity.risk.RiskInput;
import io.tenantgate.identity.risk.Screening;
import io.tenantgate.identity.verification.CheckResult;
import io.tenantgate.identity.verification.CountryConsistencyCheck;
import io.tenantgate.identity.verification.CountrySignal;
import io.tenantgate.identity.verification.EmailVerifier;
import io.tenantgate.identity.verification.PhoneVerifier;
import io.tenantgate.identity.verification.SignalSource;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
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
        Set<String> required = new LinkedHashSet<>();
        required.add("customer");
        addOwnerReferences("customer", request.owners(), required);
        if (request.reseller() != null) {
            required.add("reseller");
        }
        if (summary == null) {
            return Screening.notPerformed(required);
        }
        List<ListHit> hits = summary.hits().stream().map(hit -> new ListHit(hit.partyReference(),
                String.join("/", hit.sources()), hit.matchedName() + " (" + hit.entryKey() + ")", hit.score())).toList();
        List<String> blocks = summary.ownershipFindings().stream()
                .filter(finding -> finding.rule().equals("AGGREGATE_50"))
                .map(finding -> String.format(Locale.ROOT, "AGGREGATE_50: listed owners hold %.1f %% through %s",
                        finding.aggregatePercentage(), finding.chains()))
                .toList();
        return new Screening(required, required, hits, blocks);
    }

    private static void addOwnerReferences(String parent, List<CaseRequest.Owner> owners, Set<String> into) {
        for (int i = 0; i < owners.size(); i++) {
            String reference = parent + "/owner" + i;
            into.add(reference);
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
