package io.tenantgate.identity.verification;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Optional;

/**
 * Maps the three-letter codes of ICAO Doc 9303 part 3 (issuing state, nationality) to ISO 3166-1 alpha-2.
 * Most are ISO alpha-3, but ICAO adds its own: {@code D} for Germany (padded {@code D<<}), the British
 * nationality classes (GBD, GBN, GBO, GBP, GBS), RKS for Kosovo, and codes with no country at all
 * (UTO, the specimen state "Utopia"; XXA-XXC and XXX for stateless persons and refugees; UN bodies).
 */
public final class IcaoCountryCodes {

    /** The fictitious state of ICAO's specimen documents: real applicants never hold one. */
    public static final String SPECIMEN_STATE = "UTO";

    private static final Map<String, String> ICAO_ONLY = Map.ofEntries(
            Map.entry("D", "DE"),
            Map.entry("GBD", "GB"), // British Overseas Territories Citizen
            Map.entry("GBN", "GB"), // British National (Overseas)
            Map.entry("GBO", "GB"), // British Overseas Citizen
            Map.entry("GBP", "GB"), // British Protected Person
            Map.entry("GBS", "GB"), // British Subject
            Map.entry("RKS", "XK"));

    private static final Map<String, String> WITHOUT_COUNTRY = Map.of(
            SPECIMEN_STATE, "Utopia, the ICAO 9303 specimen state",
            "XXA", "stateless person",
            "XXB", "refugee (1951 Convention)",
            "XXC", "refugee (other)",
            "XXX", "unspecified nationality",
            "UNO", "United Nations Organization",
            "UNA", "United Nations specialized agency",
            "UNK", "UN Interim Administration Mission in Kosovo",
            "EUE", "European Union",
            "XOM", "Sovereign Military Order of Malta");

    private static final Map<String, String> ISO_ALPHA_3 = isoAlpha3ToAlpha2();

    private IcaoCountryCodes() {
    }

    /** The ISO alpha-2 country of an MRZ code (filler '<' ignored); empty for non-country codes and unknown ones. */
    public static Optional<String> toAlpha2(String icaoCode) {
        String code = stripFiller(icaoCode);
        String special = ICAO_ONLY.get(code);
        return Optional.ofNullable(special != null ? special : ISO_ALPHA_3.get(code));
    }

    /** Why a code names no country (specimen, stateless, UN, ...); empty when it is a country or unknown. */
    public static Optional<String> nonCountryMeaning(String icaoCode) {
        return Optional.ofNullable(WITHOUT_COUNTRY.get(stripFiller(icaoCode)));
    }

    public static boolean isSpecimen(String icaoCode) {
        return SPECIMEN_STATE.equals(stripFiller(icaoCode));
    }

    private static String stripFiller(String code) {
        return code == null ? "" : code.replace("<", "").toUpperCase(Locale.ROOT);
    }

    private static Map<String, String> isoAlpha3ToAlpha2() {
        Map<String, String> map = new HashMap<>();
        for (String alpha2 : Locale.getISOCountries()) {
            try {
                map.put(new Locale("", alpha2).getISO3Country(), alpha2);
            } catch (MissingResourceException noAlpha3) {
                // a few reserved codes have no alpha-3 in the JDK: nothing to map
            }
        }
        return Map.copyOf(map);
    }
}
