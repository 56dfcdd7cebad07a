package io.tenantgate.identity.verification;

import io.tenantgate.decision.signals.CheckOutcome;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class CardNumberVerifierTest {

    @Test
    void visaTestNumberIsValidButKnownAsATestNumber() {
        CardVerification result = CardNumberVerifier.verify("4111 1111 1111 1111");

        assertThat(result.number().outcome()).isEqualTo(CheckOutcome.PASS);
        assertThat(result.brand()).isEqualTo(CardBrand.VISA);
        assertThat(result.lastFour()).contains("1111");
        assertThat(result.notTestNumber().outcome()).isEqualTo(CheckOutcome.FAIL);
    }

    @Test
    void ordinaryValidNumberPassesBothChecks() {
        CardVerification result = CardNumberVerifier.verify("4000-0012-3456-7899");

        assertThat(result.checks()).allSatisfy(c -> assertThat(c.outcome()).isEqualTo(CheckOutcome.PASS));
        assertThat(result.lastFour()).contains("7899");
    }

    @ParameterizedTest
    @CsvSource({
            "378282246310005, AMERICAN_EXPRESS",
            "5555555555554444, MASTERCARD",
            "2223003122003222, MASTERCARD",
            "6011111111111117, DISCOVER",
            "3530111333300000, JCB",
            "30569309025904, DINERS_CLUB",
            "6200000000000005, UNIONPAY"})
    void recognisesTheIssuerFamily(String number, CardBrand brand) {
        CardVerification result = CardNumberVerifier.verify(number);

        assertThat(result.brand()).isEqualTo(brand);
        assertThat(result.number().outcome()).isEqualTo(CheckOutcome.PASS);
    }

    @Test
    void oneChangedDigitFailsLuhn() {
        CardVerification result = CardNumberVerifier.verify("4111111111111112");

        assertThat(result.number().outcome()).isEqualTo(CheckOutcome.FAIL);
        assertThat(result.number().evidence()).contains("Luhn");
    }

    @Test
    void lengthMustSuitTheFamily() {
        // a Luhn-valid 16-digit number in the American Express range, whose cards have 15 digits
        String sixteenDigitAmex = withLuhnDigit("341111111111111");
        CardVerification result = CardNumberVerifier.verify(sixteenDigitAmex);

        assertThat(result.number().outcome()).isEqualTo(CheckOutcome.FAIL);
        assertThat(result.number().evidence()).contains("AMERICAN_EXPRESS numbers have [15]");
    }

    @Test
    void tooShortAndNonDigitNumbersFail() {
        assertThat(CardNumberVerifier.verify("42424242424").number().evidence()).contains("12 to 19");
        assertThat(CardNumberVerifier.verify("4111-1111-1111-111x").number().outcome()).isEqualTo(CheckOutcome.FAIL);
        assertThat(CardNumberVerifier.verify("4111-1111-1111-111x").lastFour()).isEmpty();
    }

    @Test
    void evidenceNeverHoldsTheFullNumber() {
        for (String number : new String[] {"4000001234567899", "4111111111111112", "378282246310005"}) {
            CardVerification result = CardNumberVerifier.verify(number);
            assertThat(result.toString()).doesNotContain(number).doesNotContain(number.substring(0, 8));
        }
    }

    private static String withLuhnDigit(String partial) {
        for (char digit = '0'; digit <= '9'; digit++) {
            if (CheckDigits.luhn(partial + digit)) {
                return partial + digit;
            }
        }
        throw new AssertionError("some digit completes every number");
    }
}
