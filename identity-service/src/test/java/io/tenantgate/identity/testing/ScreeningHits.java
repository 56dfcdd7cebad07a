package io.tenantgate.identity.testing;

import io.tenantgate.identity.client.ScreeningSummary;

import java.util.List;

/** Hits as screening-service would answer them, for tests that seed or fake a screening. */
public final class ScreeningHits {

    private ScreeningHits() {
    }

    /** A match on the name alone: no fact besides the name was compared. */
    public static ScreeningSummary.Hit nameOnly(String party, String entryKey, String source, double score, String name) {
        return new ScreeningSummary.Hit(party, entryKey, List.of(source), score, name, "matched on the name", score, false,
                List.of());
    }
}
