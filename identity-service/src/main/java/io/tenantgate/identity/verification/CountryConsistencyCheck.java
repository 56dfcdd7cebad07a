package io.tenantgate.identity.verification;

import io.tenantgate.decision.signals.CheckResult;
import io.tenantgate.decision.signals.CountrySignal;
import io.tenantgate.decision.signals.Countries;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Does the declared country (nationality or country of incorporation) agree with where the documents, payment
 * instruments and accesses come from? A document or payment issued elsewhere is a failure; addresses and IP
 * addresses only fail when none of them agrees, since people travel and live abroad.
 */
public final class CountryConsistencyCheck {

    public static final String NAME = "country.consistency";

    private CountryConsistencyCheck() {
    }

    public static CheckResult check(String declaredCountry, List<CountrySignal> signals) {
        Optional<String> declared = Countries.normalise(declaredCountry);
        if (declared.isEmpty()) {
            return CheckResult.notApplicable(NAME, "no country declared");
        }
        if (signals.isEmpty()) {
            return CheckResult.notApplicable(NAME, "no document, payment or access country to compare with " + declared.get());
        }
        List<CountrySignal> disagreeing = signals.stream().filter(s -> !s.country().equals(declared.get())).toList();
        if (disagreeing.isEmpty()) {
            return CheckResult.pass(NAME, "all " + signals.size() + " signals agree with declared " + declared.get());
        }
        String evidence = "declared " + declared.get() + "; elsewhere: "
                + disagreeing.stream().map(CountrySignal::describe).collect(Collectors.joining(", "));
        boolean authorityDisagrees = disagreeing.stream().anyMatch(s -> s.source().issuedByAuthority());
        boolean someObservationAgrees = signals.stream()
                .anyMatch(s -> !s.source().issuedByAuthority() && s.country().equals(declared.get()));
        boolean observationsAllDisagree = !someObservationAgrees
                && disagreeing.stream().anyMatch(s -> !s.source().issuedByAuthority());
        return authorityDisagrees || observationsAllDisagree
                ? CheckResult.fail(NAME, evidence)
                : CheckResult.pass(NAME, evidence + " (tolerated: observed only, and other observations agree)");
    }
}
