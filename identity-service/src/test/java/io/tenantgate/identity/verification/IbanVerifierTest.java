package io.tenantgate.identity.verification;

import io.tenantgate.decision.signals.CheckOutcome;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IbanVerifierTest {

    @Test
    void germanExampleIsValidWithItsCountry() {
        IbanVerification result = IbanVerifier.verify("DE89 3704 0044 0532 0130 00");

        assertThat(result.check().outcome()).isEqualTo(CheckOutcome.PASS);
        assertThat(result.country()).contains("DE");
        assertThat(result.lastFour()).contains("3000");
    }

    @Test
    void britishExampleWithLettersInItsBbanIsValid() {
        IbanVerification result = IbanVerifier.verify("gb82 west 1234 5698 7654 32");

        assertThat(result.check().outcome()).isEqualTo(CheckOutcome.PASS);
        assertThat(result.country()).contains("GB");
    }

    @Test
    void changedCheckDigitsFailMod97() {
        IbanVerification result = IbanVerifier.verify("DE88 3704 0044 0532 0130 00");

        assertThat(result.check().outcome()).isEqualTo(CheckOutcome.FAIL);
        assertThat(result.check().evidence()).contains("are 88").contains("needs 89");
        assertThat(result.country()).isEmpty();
    }

    @Test
    void changedAccountDigitFailsMod97() {
        assertThat(IbanVerifier.verify("GB82 WEST 1234 5698 7654 33").check().outcome()).isEqualTo(CheckOutcome.FAIL);
    }

    @Test
    void wrongLengthForTheCountryFails() {
        IbanVerification result = IbanVerifier.verify("DE89 3704 0044 0532 0130 0");

        assertThat(result.check().outcome()).isEqualTo(CheckOutcome.FAIL);
        assertThat(result.check().evidence()).contains("length");
    }

    @Test
    void countryWithoutIbansFails() {
        assertThat(IbanVerifier.verify("US12 3456 7890 1234 5678 90").check().evidence()).contains("US does not issue IBANs");
    }

    @Test
    void evidenceNeverQuotesTheFullIban() {
        for (String iban : new String[] {"DE89370400440532013000", "DE88370400440532013000", "DE8937040044053201300"}) {
            assertThat(IbanVerifier.verify(iban).toString()).doesNotContain(iban).doesNotContain("370400440532");
        }
    }
}
