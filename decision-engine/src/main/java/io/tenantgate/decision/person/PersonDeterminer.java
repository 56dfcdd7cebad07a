package io.tenantgate.decision.person;

import io.tenantgate.decision.signals.CountrySignal;
import io.tenantgate.decision.signals.SignalSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Decides US person vs foreign person from declared facts and corroborating signals. A declared US status needs
 * corroboration (a US-issued document, or US signals and no foreign ones) because it takes the customer out of
 * the CIP; a declared foreign status is accepted as is, since it only adds scrutiny. Contradictions are findings,
 * and a US-incorporated organisation is looked through to its owners.
 */
public final class PersonDeterminer {

    private final double foreignControlThresholdPercent;

    /** @param foreignControlThresholdPercent foreign ownership from which a US entity is reported (the rule: 25) */
    public PersonDeterminer(double foreignControlThresholdPercent) {
        if (!(foreignControlThresholdPercent > 0 && foreignControlThresholdPercent <= 100)) {
            throw new IllegalArgumentException("threshold must be within (0, 100]");
        }
        this.foreignControlThresholdPercent = foreignControlThresholdPercent;
    }

    public PersonDetermination determine(PersonFacts facts) {
        Builder result = new Builder();
        if (facts.claimsUsStatus()) {
            corroborateUsClaim(facts, result);
        } else if (facts.declaredCountries().isEmpty()) {
            result.status = PersonStatus.UNDETERMINED;
            result.reasons.add(facts.kind() == PartyKind.INDIVIDUAL ? "no citizenship declared" : "no country of incorporation declared");
        } else {
            acceptForeignClaim(facts, result);
        }
        Optional<OwnershipAnalysis> ownership = Optional.empty();
        if (facts.kind() == PartyKind.ORGANISATION && !facts.owners().isEmpty()) {
            ownership = Optional.of(OwnershipAnalyzer.analyse(facts.owners()));
            lookThrough(ownership.get(), result, facts.claimsUsStatus() && result.status == PersonStatus.US_PERSON);
        }
        return new PersonDetermination(result.status, result.reasons, result.findings, result.foreignControlled, ownership);
    }

    private static void corroborateUsClaim(PersonFacts facts, Builder result) {
        String claim = usClaim(facts);
        List<CountrySignal> documents = bySource(facts.signals(), SignalSource.DOCUMENT);
        List<CountrySignal> usDocuments = documents.stream().filter(PersonDeterminer::isUs).toList();
        List<CountrySignal> foreignSignals = facts.signals().stream().filter(s -> !isUs(s)).toList();
        if (!usDocuments.isEmpty()) {
            result.status = PersonStatus.US_PERSON;
            result.reasons.add(claim + ", corroborated by " + describe(usDocuments));
            foreignSignals.forEach(s -> result.conflict(s.describe() + " while " + claim));
        } else if (!documents.isEmpty()) {
            result.status = PersonStatus.UNDETERMINED;
            result.reasons.add(claim + " but every identity document is foreign-issued");
            documents.forEach(s -> result.conflict(s.describe() + " while " + claim));
        } else if (facts.signals().isEmpty()) {
            result.status = PersonStatus.UNDETERMINED;
            result.reasons.add(claim + ", not corroborated: no document, address, payment or access country");
            result.findings.add(new Finding(FindingKind.NOT_CORROBORATED, claim + " without any corroborating signal"));
        } else if (foreignSignals.isEmpty()) {
            result.status = PersonStatus.US_PERSON;
            result.reasons.add(claim + ", corroborated by " + describe(facts.signals()));
        } else {
            result.status = PersonStatus.UNDETERMINED;
            result.reasons.add(claim + " but " + foreignSignals.size() + " signal(s) point abroad");
            foreignSignals.forEach(s -> result.conflict(s.describe() + " while " + claim));
        }
    }

    private static void acceptForeignClaim(PersonFacts facts, Builder result) {
        String declared = String.join(", ", facts.declaredCountries().stream().sorted().toList());
        List<CountrySignal> usDocuments = bySource(facts.signals(), SignalSource.DOCUMENT).stream()
                .filter(PersonDeterminer::isUs).toList();
        if (!usDocuments.isEmpty()) {
            // a US passport or green card contradicts a foreign-only declaration: somebody has to look
            result.status = PersonStatus.UNDETERMINED;
            result.reasons.add("declared " + declared + " only, but holds " + describe(usDocuments));
            usDocuments.forEach(s -> result.conflict(s.describe() + " while declared " + declared));
            return;
        }
        result.status = PersonStatus.FOREIGN_PERSON;
        result.reasons.add(facts.kind() == PartyKind.INDIVIDUAL
                ? "declared citizenship " + declared + ", neither US citizen nor permanent resident"
                : "incorporated in " + declared + ", not organised under US law");
        for (CountrySignal signal : facts.signals()) {
            if (isUs(signal)) {
                result.conflict(signal.describe() + " while declared foreign (" + declared
                        + "): presence in the US may make this a US person; treated as foreign until reviewed");
            } else if (signal.source() == SignalSource.DOCUMENT && !facts.declaredCountries().contains(signal.country())) {
                result.conflict(signal.describe() + " is not a declared "
                        + (facts.kind() == PartyKind.INDIVIDUAL ? "citizenship" : "country of incorporation"));
            }
        }
    }

    private void lookThrough(OwnershipAnalysis ownership, Builder result, boolean usEntity) {
        for (OwnershipParty unknown : ownership.partiesOfUnknownCountry()) {
            result.findings.add(new Finding(FindingKind.OWNER_COUNTRY_UNKNOWN, unknown.name() + " (layer " + unknown.layer()
                    + ", " + percent(unknown.effectivePercent()) + ") has no declared country"));
        }
        if (!usEntity) {
            return;
        }
        List<OwnershipParty> controllers = ownership.controllingForeignParties();
        boolean ownedAbroad = ownership.foreignPercent() >= foreignControlThresholdPercent;
        if (!ownedAbroad && controllers.isEmpty()) {
            return;
        }
        result.foreignControlled = true;
        String detail = "US entity " + percent(ownership.foreignPercent()) + " foreign-owned"
                + (controllers.isEmpty() ? "" : ", controlled by " + controllers.stream()
                        .map(p -> p.name() + " (" + String.join("/", p.countries()) + ")").collect(Collectors.joining(", ")));
        result.reasons.add(detail + ": the CIP's look-through applies");
        result.findings.add(new Finding(FindingKind.FOREIGN_CONTROL, detail));
    }

    private static String usClaim(PersonFacts facts) {
        if (facts.kind() == PartyKind.ORGANISATION) {
            return "declared organised under US law";
        }
        return facts.declaredCountries().contains("US") ? "declared US citizen" : "declared US permanent resident";
    }

    private static List<CountrySignal> bySource(List<CountrySignal> signals, SignalSource source) {
        return signals.stream().filter(s -> s.source() == source).toList();
    }

    private static boolean isUs(CountrySignal signal) {
        return signal.country().equals("US");
    }

    private static String describe(List<CountrySignal> signals) {
        return signals.stream().map(CountrySignal::describe).collect(Collectors.joining(", "));
    }

    private static String percent(double value) {
        return String.format(Locale.ROOT, "%.1f %%", value);
    }

    private static final class Builder {
        private PersonStatus status = PersonStatus.UNDETERMINED;
        private final List<String> reasons = new ArrayList<>();
        private final List<Finding> findings = new ArrayList<>();
        private boolean foreignControlled;

        void conflict(String detail) {
            findings.add(new Finding(FindingKind.SIGNAL_CONFLICT, detail));
        }
    }
}
