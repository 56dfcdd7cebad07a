package io.tenantgate.identity.verification;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;

/** MRZ dates are YYMMDD: the century is inferred, differently for birth and expiry. */
public final class MrzDates {

    private MrzDates() {
    }

    /** A birth date cannot lie in the future, so a 20YY date after today belongs to the 1900s. */
    public static Optional<LocalDate> birthDate(String yymmdd, LocalDate today) {
        return parse(yymmdd, 2000).map(date -> date.isAfter(today) ? date.minusYears(100) : date);
    }

    /** Documents are valid for at most a few decades, so an expiry more than 50 years ahead belongs to the 1900s. */
    public static Optional<LocalDate> expiryDate(String yymmdd, LocalDate today) {
        return parse(yymmdd, 2000).map(date -> date.isAfter(today.plusYears(50)) ? date.minusYears(100) : date);
    }

    private static Optional<LocalDate> parse(String yymmdd, int century) {
        if (yymmdd == null || !yymmdd.matches("\\d{6}")) {
            return Optional.empty(); // unknown parts are printed as '<'
        }
        try {
            return Optional.of(LocalDate.of(century + Integer.parseInt(yymmdd.substring(0, 2)),
                    Integer.parseInt(yymmdd.substring(2, 4)), Integer.parseInt(yymmdd.substring(4, 6))));
        } catch (DateTimeException impossibleDate) {
            return Optional.empty();
        }
    }
}
