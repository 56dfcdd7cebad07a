package io.tenantgate.decision.signals;

import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** ISO 3166-1 alpha-2 codes as the JDK knows them, plus XK (Kosovo), which documents and lists use. */
public final class Countries {

    private static final Set<String> ALPHA_2 = alpha2Codes();

    private Countries() {
    }

    public static boolean isAlpha2(String code) {
        return code != null && ALPHA_2.contains(code);
    }

    /** Upper-cases and trims a declared code; empty when it is not an ISO alpha-2 code. */
    public static Optional<String> normalise(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String upper = code.strip().toUpperCase(Locale.ROOT);
        return isAlpha2(upper) ? Optional.of(upper) : Optional.empty();
    }

    private static Set<String> alpha2Codes() {
        Set<String> codes = new HashSet<>(Set.of(Locale.getISOCountries()));
        codes.add("XK");
        return Set.copyOf(codes);
    }
}
