package io.tenantgate.screening.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Map;
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

    Downloads downloads();

    /** Current list files fetched from configured URLs on a schedule; off by default. */
    interface Downloads {

        @WithDefault("false")
        boolean enabled();

        /** How often the files are fetched; an unchanged file (same checksum) makes no new version. */
        @WithDefault("6h")
        Duration interval();

        @WithDefault("120s")
        Duration timeout();

        /** Largest file accepted, in bytes (the SDN set is about 10 MiB, the CSL about 6 MiB). */
        @WithDefault("67108864")
        long maxBytes();

        /**
         * URL of each part of each feed: {@code tenantgate.screening.downloads.feeds.csl.file},
         * {@code ...feeds.sdn.sdn}, {@code ...feeds.sdn.add}, {@code ...feeds.sdn.alt}, {@code ...feeds.sdn.comments},
         * {@code ...feeds.internal.file}.
         */
        Map<String, Map<String, String>> feeds();
    }
}
