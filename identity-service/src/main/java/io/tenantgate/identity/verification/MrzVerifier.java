package io.tenantgate.identity.verification;

import io.tenantgate.decision.signals.CheckResult;
import io.tenantgate.decision.signals.Countries;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Documentary verification of a passport or ID card from its MRZ: layout, check digits, specimen, expiry,
 * and agreement with the declared name, birth date and nationality. Always answers every check by name, so
 * a case shows the same list whatever went wrong.
 */
public final class MrzVerifier {

    public static final String FORMAT = "document.mrz.format";
    public static final String CHECK_DIGITS = "document.mrz.check-digits";
    public static final String NOT_SPECIMEN = "document.not-specimen";
    public static final String EXPIRY = "document.expiry";
    public static final String NAME = "document.name";
    public static final String BIRTH_DATE = "document.birth-date";
    public static final String NATIONALITY = "document.nationality";

    private final Clock clock;

    public MrzVerifier(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public DocumentVerification verify(String mrzText, DeclaredIdentity declared) {
        Mrz mrz;
        try {
            mrz = MrzParser.parse(mrzText);
        } catch (MrzFormatException unreadable) {
            return unreadable(unreadable.getMessage());
        }
        LocalDate today = LocalDate.now(clock);
        List<CheckResult> checks = List.of(
                CheckResult.pass(FORMAT, mrz.format() + " MRZ, document code " + mrz.documentCode()
                        + ", issuing state " + mrz.issuingState()),
                checkDigits(mrz),
                notSpecimen(mrz),
                expiry(mrz, today),
                name(mrz, declared.fullName()),
                birthDate(mrz, declared.birthDate(), today),
                nationality(mrz, declared.nationality()));
        return new DocumentVerification(checks, IcaoCountryCodes.toAlpha2(mrz.issuingState()), Optional.of(mrz));
    }

    private static DocumentVerification unreadable(String why) {
        String skipped = "not checked: the MRZ could not be read";
        List<CheckResult> checks = Stream.concat(
                Stream.of(CheckResult.fail(FORMAT, why)),
                Stream.of(CHECK_DIGITS, NOT_SPECIMEN, EXPIRY, NAME, BIRTH_DATE, NATIONALITY)
                        .map(name -> CheckResult.notApplicable(name, skipped))).toList();
        return new DocumentVerification(checks, Optional.empty(), Optional.empty());
    }

    private static CheckResult checkDigits(Mrz mrz) {
        List<MrzCheckedField> invalid = mrz.invalidFields();
        if (invalid.isEmpty()) {
            return CheckResult.pass(CHECK_DIGITS, "all " + mrz.checkedFields().size() + " check digits agree ("
                    + mrz.checkedFields().stream().map(MrzCheckedField::name).collect(Collectors.joining(", ")) + ")");
        }
        return CheckResult.fail(CHECK_DIGITS, invalid.stream()
                .map(f -> f.name() + " check digit is " + f.checkDigit() + ", computed " + f.expectedDigit())
                .collect(Collectors.joining("; ")));
    }

    private static CheckResult notSpecimen(Mrz mrz) {
        if (IcaoCountryCodes.isSpecimen(mrz.issuingState()) || IcaoCountryCodes.isSpecimen(mrz.nationality())) {
            return CheckResult.fail(NOT_SPECIMEN, "issued by " + IcaoCountryCodes.SPECIMEN_STATE + " ("
                    + IcaoCountryCodes.nonCountryMeaning(IcaoCountryCodes.SPECIMEN_STATE).orElseThrow()
                    + "): a published sample, not a real document");
        }
        return CheckResult.pass(NOT_SPECIMEN, "issuing state " + mrz.issuingState() + " is not the specimen state");
    }

    private static CheckResult expiry(Mrz mrz, LocalDate today) {
        Optional<LocalDate> expiry = MrzDates.expiryDate(mrz.expiryDate(), today);
        if (expiry.isEmpty()) {
            return CheckResult.fail(EXPIRY, "expiry date '" + mrz.expiryDate() + "' is not a date");
        }
        boolean valid = !expiry.get().isBefore(today);
        return CheckResult.of(EXPIRY, valid, (valid ? "valid until " : "expired on ") + expiry.get()
                + " (checked on " + today + ")");
    }

    private static CheckResult name(Mrz mrz, String declaredName) {
        if (declaredName == null || declaredName.isBlank()) {
            return CheckResult.notApplicable(NAME, "no name declared");
        }
        boolean same = MrzNames.matches(mrz, declaredName);
        return CheckResult.of(NAME, same, "MRZ name " + MrzNames.display(mrz) + (same ? " matches" : " differs from")
                + " declared name '" + declaredName + "'" + (mrz.nameTruncated() ? " (MRZ name may be truncated)" : ""));
    }

    private static CheckResult birthDate(Mrz mrz, LocalDate declared, LocalDate today) {
        if (declared == null) {
            return CheckResult.notApplicable(BIRTH_DATE, "no birth date declared");
        }
        Optional<LocalDate> onDocument = MrzDates.birthDate(mrz.birthDate(), today);
        if (onDocument.isEmpty()) {
            return CheckResult.notApplicable(BIRTH_DATE, "the MRZ gives no full birth date ('" + mrz.birthDate() + "')");
        }
        boolean same = onDocument.get().equals(declared);
        return CheckResult.of(BIRTH_DATE, same, "MRZ birth date " + onDocument.get()
                + (same ? " matches" : " differs from") + " declared " + declared);
    }

    private static CheckResult nationality(Mrz mrz, String declared) {
        Optional<String> declaredCountry = Countries.normalise(declared);
        if (declaredCountry.isEmpty()) {
            return CheckResult.notApplicable(NATIONALITY, "no ISO nationality declared");
        }
        Optional<String> onDocument = IcaoCountryCodes.toAlpha2(mrz.nationality());
        if (onDocument.isEmpty()) {
            return IcaoCountryCodes.nonCountryMeaning(mrz.nationality())
                    .map(meaning -> CheckResult.fail(NATIONALITY, "MRZ nationality " + mrz.nationality() + " ("
                            + meaning + ") is no country, declared " + declaredCountry.get()))
                    .orElseGet(() -> CheckResult.fail(NATIONALITY, "MRZ nationality code " + mrz.nationality()
                            + " is not an ICAO code"));
        }
        boolean same = onDocument.get().equals(declaredCountry.get());
        return CheckResult.of(NATIONALITY, same, "MRZ nationality " + mrz.nationality() + " (" + onDocument.get() + ")"
                + (same ? " matches" : " differs from") + " declared " + declaredCountry.get());
    }
}
