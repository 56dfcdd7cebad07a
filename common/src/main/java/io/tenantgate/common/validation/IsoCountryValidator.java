package io.tenantgate.common.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

import java.util.Locale;
import java.util.Set;

public class IsoCountryValidator implements ConstraintValidator<IsoCountry, String> {

    /** ISO's assigned codes as the JDK knows them, plus XK (Kosovo), which sanctions lists use. */
    static final Set<String> CODES = codes();

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        return value == null || isAssigned(value);
    }

    /** Whether the code is an assigned ISO 3166-1 alpha-2 code (or XK), in upper case. */
    public static boolean isAssigned(String code) {
        return CODES.contains(code);
    }

    private static Set<String> codes() {
        java.util.HashSet<String> codes = new java.util.HashSet<>(Set.of(Locale.getISOCountries()));
        codes.add("XK");
        return Set.copyOf(codes);
    }
}
