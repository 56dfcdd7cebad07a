package io.tenantgate.identity.verification;

import io.tenantgate.decision.signals.CheckResult;

import java.util.Optional;
import java.util.Set;

/** Payment card numbers: digits only, ISO/IEC 7812 length, Luhn, IIN family and its lengths, published test numbers. */
public final class CardNumberVerifier {

    public static final String NUMBER = "payment.card.number";
    public static final String NOT_TEST_NUMBER = "payment.card.not-test-number";

    /** Numbers the card networks and processors publish for testing: never a real customer's card. */
    private static final Set<String> PUBLISHED_TEST_NUMBERS = Set.of(
            "4111111111111111", "4242424242424242", "4012888888881881", "4000056655665556",
            "5555555555554444", "5105105105105100", "2223003122003222",
            "378282246310005", "371449635398431", "6011111111111117", "6011000990139424",
            "3530111333300000", "3566002020360505", "30569309025904", "6200000000000005");

    private CardNumberVerifier() {
    }

    public static CardVerification verify(String cardNumber) {
        if (cardNumber == null || cardNumber.isBlank()) {
            return rejected(CheckResult.notApplicable(NUMBER, "no card number given"));
        }
        String digits = cardNumber.replaceAll("[\\s-]", "");
        if (!digits.matches("\\d+")) {
            return rejected(CheckResult.fail(NUMBER, "contains characters other than digits, spaces and dashes"));
        }
        String lastFour = digits.length() >= 4 ? digits.substring(digits.length() - 4) : "";
        CardBrand brand = CardBrand.of(digits);
        String ending = " (" + brand + " ending " + lastFour + ")";
        CheckResult number;
        if (digits.length() < 12 || digits.length() > 19) {
            number = CheckResult.fail(NUMBER, digits.length() + " digits; card numbers have 12 to 19");
        } else if (!brand.allowsLength(digits.length())) {
            number = CheckResult.fail(NUMBER, digits.length() + " digits; " + brand + " numbers have "
                    + brand.lengths().stream().sorted().toList() + ending);
        } else if (!CheckDigits.luhn(digits)) {
            number = CheckResult.fail(NUMBER, "Luhn check digit wrong" + ending);
        } else {
            number = CheckResult.pass(NUMBER, "Luhn valid, " + digits.length() + " digits" + ending
                    + (brand == CardBrand.UNKNOWN ? ", issuer family not recognised" : ""));
        }
        CheckResult notTest = PUBLISHED_TEST_NUMBERS.contains(digits)
                ? CheckResult.fail(NOT_TEST_NUMBER, "a published test card number" + ending)
                : CheckResult.pass(NOT_TEST_NUMBER, "not a published test card number");
        return new CardVerification(number, notTest, brand, Optional.of(lastFour).filter(s -> !s.isEmpty()));
    }

    private static CardVerification rejected(CheckResult number) {
        return new CardVerification(number, CheckResult.notApplicable(NOT_TEST_NUMBER, "no usable card number"),
                CardBrand.UNKNOWN, Optional.empty());
    }
}
