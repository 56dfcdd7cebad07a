package io.tenantgate.identity.verification;

import io.tenantgate.decision.signals.CheckResult;
import io.tenantgate.decision.signals.Countries;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

import java.util.Optional;

/** Phone numbers parsed, validated and normalised to E.164 with libphonenumber's metadata. */
public final class PhoneVerifier {

    public static final String NAME = "contact.phone";

    private static final String UNKNOWN_REGION = "ZZ";

    private final PhoneNumberUtil phoneNumbers = PhoneNumberUtil.getInstance();

    /**
     * @param defaultRegion ISO alpha-2 used for numbers written without '+' (usually the address country); may be null
     */
    public PhoneVerification verify(String number, String defaultRegion) {
        if (number == null || number.isBlank()) {
            return failure(CheckResult.notApplicable(NAME, "no phone number given"));
        }
        String region = Countries.normalise(defaultRegion).orElse(UNKNOWN_REGION);
        PhoneNumber parsed;
        try {
            parsed = phoneNumbers.parse(number, region);
        } catch (NumberParseException unparsable) {
            return failure(CheckResult.fail(NAME, "not a phone number (" + unparsable.getErrorType()
                    + (region.equals(UNKNOWN_REGION) ? ", no '+' and no default region" : ", default region " + region)
                    + ")"));
        }
        String numberRegion = phoneNumbers.getRegionCodeForNumber(parsed);
        if (!phoneNumbers.isValidNumber(parsed)) {
            return failure(CheckResult.fail(NAME, "not a valid number for country code +" + parsed.getCountryCode()
                    + (phoneNumbers.isPossibleNumber(parsed) ? " (possible length, unassigned range)" : " (impossible length)")));
        }
        String type = phoneNumbers.getNumberType(parsed).name();
        return new PhoneVerification(
                CheckResult.pass(NAME, "valid " + type + " number of region " + numberRegion),
                Optional.of(phoneNumbers.format(parsed, PhoneNumberUtil.PhoneNumberFormat.E164)),
                Optional.ofNullable(numberRegion), Optional.of(type));
    }

    private static PhoneVerification failure(CheckResult check) {
        return new PhoneVerification(check, Optional.empty(), Optional.empty(), Optional.empty());
    }
}
