package io.tenantgate.identity.verification;

import io.tenantgate.decision.signals.CheckResult;

import org.iban4j.Iban;
import org.iban4j.IbanFormatException;
import org.iban4j.InvalidCheckDigitException;
import org.iban4j.UnsupportedCountryException;

import java.util.Locale;
import java.util.Optional;

/**
 * IBANs checked with iban4j: country, per-country length and BBAN structure (the SWIFT IBAN registry) and the
 * ISO 7064 mod-97 check digits. Evidence is built here, not from iban4j's messages, which quote the full IBAN.
 */
public final class IbanVerifier {

    public static final String NAME = "payment.iban";

    private IbanVerifier() {
    }

    public static IbanVerification verify(String iban) {
        if (iban == null || iban.isBlank()) {
            return new IbanVerification(CheckResult.notApplicable(NAME, "no IBAN given"), Optional.empty(), Optional.empty());
        }
        String compact = iban.replaceAll("\\s", "").toUpperCase(Locale.ROOT);
        Optional<String> lastFour = compact.length() > 8 ? Optional.of(compact.substring(compact.length() - 4)) : Optional.empty();
        String ending = lastFour.map(last -> ", ending " + last).orElse("");
        try {
            Iban valid = Iban.valueOf(compact);
            String country = valid.getCountryCode().getAlpha2();
            return new IbanVerification(CheckResult.pass(NAME, "valid " + country + " IBAN, " + compact.length()
                    + " characters, mod-97 check digits agree" + ending), Optional.of(country), lastFour);
        } catch (InvalidCheckDigitException wrongDigits) {
            return failed("mod-97 check digits are " + wrongDigits.getActual() + ", the account needs "
                    + wrongDigits.getExpected() + ending, lastFour);
        } catch (UnsupportedCountryException noIbanCountry) {
            return failed("country " + noIbanCountry.getCountryCode() + " does not issue IBANs", lastFour);
        } catch (IbanFormatException malformed) {
            return failed(describe(malformed) + ending, lastFour);
        }
    }

    private static String describe(IbanFormatException malformed) {
        String violation = malformed.getFormatViolation() == null ? "malformed"
                : malformed.getFormatViolation().name().toLowerCase(Locale.ROOT).replace('_', ' ');
        // lengths are safe to show; other expected/actual values may quote parts of the account number
        if (malformed.getFormatViolation() == IbanFormatException.IbanFormatViolation.BBAN_LENGTH) {
            return "wrong length for the country: account part has " + malformed.getActual() + " characters, expected "
                    + malformed.getExpected();
        }
        return "format: " + violation;
    }

    private static IbanVerification failed(String evidence, Optional<String> lastFour) {
        return new IbanVerification(CheckResult.fail(NAME, evidence), Optional.empty(), lastFour);
    }
}
