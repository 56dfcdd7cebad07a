package io.tenantgate.identity.verification;

import io.tenantgate.decision.signals.CheckOutcome;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PhoneVerifierTest {

    private final PhoneVerifier verifier = new PhoneVerifier();

    @Test
    void internationalNumberIsNormalisedToE164WithItsRegion() {
        PhoneVerification result = verifier.verify("+1 (202) 456-1111", null);

        assertThat(result.check().outcome()).isEqualTo(CheckOutcome.PASS);
        assertThat(result.e164()).contains("+12024561111");
        assertThat(result.region()).contains("US");
    }

    @Test
    void nationalNumberUsesTheDefaultRegion() {
        PhoneVerification result = verifier.verify("030 901820", "de");

        assertThat(result.e164()).contains("+4930901820");
        assertThat(result.region()).contains("DE");
        assertThat(result.type()).contains("FIXED_LINE");
    }

    @Test
    void ukMobileIsRecognisedAsMobile() {
        PhoneVerification result = verifier.verify("+44 7400 123456", "US");

        assertThat(result.region()).contains("GB");
        assertThat(result.type()).contains("MOBILE");
    }

    @Test
    void unassignedAreaCodeFails() {
        PhoneVerification result = verifier.verify("+1 123 456 7890", null);

        assertThat(result.check().outcome()).isEqualTo(CheckOutcome.FAIL);
        assertThat(result.e164()).isEmpty();
    }

    @Test
    void nationalNumberWithoutRegionCannotBeParsed() {
        PhoneVerification result = verifier.verify("030 901820", null);

        assertThat(result.check().outcome()).isEqualTo(CheckOutcome.FAIL);
        assertThat(result.check().evidence()).contains("no default region");
    }

    @Test
    void textIsNoNumber() {
        assertThat(verifier.verify("call me", "US").check().outcome()).isEqualTo(CheckOutcome.FAIL);
        assertThat(verifier.verify(null, "US").check().outcome()).isEqualTo(CheckOutcome.NOT_APPLICABLE);
    }
}
