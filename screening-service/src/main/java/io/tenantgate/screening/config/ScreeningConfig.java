package io.tenantgate.screening.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Set;

/** Screening settings; the rule is a proposal, so thresholds and jurisdictions are configuration. */
@ConfigMapping(prefix = "tenantgate.screening")
public interface ScreeningConfig {

    /** Score from which a list entry is reported when a request names no minimum. */
    @WithDefault("0.88")
    double defaultThreshold();

    /** ISO 3166-1 alpha-2 codes flagged as jurisdictions of concern (15 CFR 7.4), apart from list hits. */
    Set<String> jurisdictionsOfConcern();

    /** Matches returned per party when a request names no limit. */
    @WithDefault("10")
    int maxResults();

    /** How often a replica checks the database for a newer list version. */
    @WithDefault("2s")
    Duration refreshInterval();

    /** Import the list snapshot shipped with the service when the database holds no list yet. */
    @WithDefault("true")
    boolean loadBundledLists();
}
