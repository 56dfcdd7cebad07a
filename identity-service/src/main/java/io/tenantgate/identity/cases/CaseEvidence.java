package io.tenantgate.identity.cases;

import io.tenantgate.decision.signals.CheckResult;
import io.tenantgate.decision.signals.CountrySignal;

import java.util.List;

/**
 * What was collected about a customer beyond its declaration: the results of the document and payment
 * checks, and the countries its documents, payment instruments and accesses come from.
 */
public record CaseEvidence(List<CheckResult> checks, List<CountrySignal> signals, int documents,
                           int paymentInstruments) {

    public static final CaseEvidence NONE = new CaseEvidence(List.of(), List.of(), 0, 0);

    public CaseEvidence {
        checks = List.copyOf(checks);
        signals = List.copyOf(signals);
    }
}
