package io.tenantgate.decision.risk;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Risk settings from properties named as identity-service's configuration ({@code tenantgate.identity.review-at=30}),
 * so a compliance team tries in a simulation the very lines it would deploy. A key this class does not know under
 * that prefix, or a value it cannot read, is an error naming the key: a misspelt setting must not be simulated as
 * the default.
 */
public final class RiskSettingsProperties {

    public static final String PREFIX = "tenantgate.identity.";
    private static final Set<String> KNOWN = Set.of("jurisdictions-of-concern", "review-at", "reject-at",
            "near-exact-name-score", "owner-exposure-percent", "max-ownership-layers");

    private RiskSettingsProperties() {
    }

    /** The defaults overridden by the {@link #PREFIX} keys present; other keys are left to their owners. */
    public static RiskSettings read(Map<String, String> properties) {
        Set<String> unknown = properties.keySet().stream().filter(key -> key.startsWith(PREFIX))
                .map(key -> key.substring(PREFIX.length())).filter(key -> !KNOWN.contains(key))
                .collect(Collectors.toCollection(TreeSet::new));
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown risk setting(s): " + unknown.stream().map(key -> PREFIX + key)
                    .collect(Collectors.joining(", ")) + "; known: " + new TreeSet<>(KNOWN));
        }
        RiskSettings defaults = RiskSettings.defaults();
        try {
            return new RiskSettings(
                    value(properties, "jurisdictions-of-concern", defaults.jurisdictionsOfConcern(), text -> Arrays
                            .stream(text.split(",")).map(String::strip).filter(code -> !code.isEmpty())
                            .collect(Collectors.toSet())),
                    value(properties, "review-at", defaults.reviewAt(), Integer::parseInt),
                    value(properties, "reject-at", defaults.rejectAt(), Integer::parseInt),
                    value(properties, "near-exact-name-score", defaults.nearExactNameScore(), Double::parseDouble),
                    value(properties, "owner-exposure-percent", defaults.ownerExposurePercent(), Double::parseDouble),
                    value(properties, "max-ownership-layers", defaults.maxOwnershipLayers(), Integer::parseInt),
                    defaults.weights());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("risk settings: " + e.getMessage(), e);
        }
    }

    private static <T> T value(Map<String, String> properties, String key, T fallback, Function<String, T> parse) {
        String text = properties.get(PREFIX + key);
        if (text == null) {
            return fallback;
        }
        try {
            return parse.apply(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(PREFIX + key + " is not a number: '" + text + "'");
        }
    }
}
