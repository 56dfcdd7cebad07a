package io.tenantgate.screening.engine.index;

import java.util.Set;

/**
 * Engine configuration. {@code defaultThreshold} is the score from which a list entry is reported when the
 * request names no minimum; {@code jurisdictionsOfConcern} are ISO codes flagged apart from list hits.
 */
public record EngineSettings(double defaultThreshold, Set<String> jurisdictionsOfConcern) {

    /** Chosen on labelled pairs and synthetic negatives; see EVALUATION.md for how to re-tune it. */
    public static final double DEFAULT_THRESHOLD = 0.88;
    /** China (with Hong Kong and Macau), Cuba, Iran, North Korea, Russia, Venezuela (15 CFR 7.4). */
    public static final Set<String> DEFAULT_JURISDICTIONS = Set.of("CN", "HK", "MO", "CU", "IR", "KP", "RU", "VE");

    public EngineSettings {
        if (defaultThreshold <= 0 || defaultThreshold > 1) {
            throw new IllegalArgumentException("threshold must be in (0, 1]: " + defaultThreshold);
        }
        jurisdictionsOfConcern = Set.copyOf(jurisdictionsOfConcern);
    }

    public static EngineSettings defaults() {
        return new EngineSettings(DEFAULT_THRESHOLD, DEFAULT_JURISDICTIONS);
    }
}
