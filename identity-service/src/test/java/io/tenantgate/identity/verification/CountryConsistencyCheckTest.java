package io.tenantgate.identity.verification;

import io.tenantgate.decision.signals.CheckResult;
import io.tenantgate.decision.signals.CheckOutcome;
import io.tenantgate.decision.signals.CountrySignal;
import io.tenantgate.decision.signals.SignalSource;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CountryConsistencyCheckTest {

    private static final CountrySignal GERMAN_PASSPORT = new CountrySignal(SignalSource.DOCUMENT, "DE", "passport");
    private static final CountrySignal GERMAN_IBAN = new CountrySignal(SignalSource.PAYMENT, "de", "IBAN ending 3000");
    private static final CountrySignal GERMAN_IP = new CountrySignal(SignalSource.IP, "DE", "IP 194.25.2.129");
    private static final CountrySignal US_IP = new CountrySignal(SignalSource.IP, "US", "IP 8.8.8.8");

    @Test
    void agreeingSignalsPass() {
        CheckResult result = CountryConsistencyCheck.check("DE", List.of(GERMAN_PASSPORT, GERMAN_IBAN, GERMAN_IP));

        assertThat(result.outcome()).isEqualTo(CheckOutcome.PASS);
        assertThat(result.evidence()).contains("all 3 signals");
    }

    @Test
    void documentFromAnotherCountryFails() {
        CheckResult result = CountryConsistencyCheck.check("FR", List.of(GERMAN_PASSPORT));

        assertThat(result.outcome()).isEqualTo(CheckOutcome.FAIL);
        assertThat(result.evidence()).contains("document passport DE");
    }

    @Test
    void paymentFromAnotherCountryFails() {
        assertThat(CountryConsistencyCheck.check("FR", List.of(new CountrySignal(SignalSource.DOCUMENT, "FR", "passport"),
                GERMAN_IBAN)).outcome()).isEqualTo(CheckOutcome.FAIL);
    }

    @Test
    void travellingIsToleratedWhileSomeAccessAgrees() {
        CheckResult result = CountryConsistencyCheck.check("DE", List.of(GERMAN_PASSPORT, GERMAN_IP, US_IP));

        assertThat(result.outcome()).isEqualTo(CheckOutcome.PASS);
        assertThat(result.evidence()).contains("ip IP 8.8.8.8 US").contains("tolerated");
    }

    @Test
    void everyAccessFromElsewhereFails() {
        assertThat(CountryConsistencyCheck.check("DE", List.of(GERMAN_PASSPORT, US_IP)).outcome()).isEqualTo(CheckOutcome.FAIL);
    }

    @Test
    void nothingToCompareIsNotApplicable() {
        assertThat(CountryConsistencyCheck.check(null, List.of(US_IP)).outcome()).isEqualTo(CheckOutcome.NOT_APPLICABLE);
        assertThat(CountryConsistencyCheck.check("DE", List.of()).outcome()).isEqualTo(CheckOutcome.NOT_APPLICABLE);
    }

    @Test
    void signalsNeedAnIsoCountry() {
        assertThatThrownBy(() -> new CountrySignal(SignalSource.IP, "DEU", "IP")).isInstanceOf(IllegalArgumentException.class);
    }
}
