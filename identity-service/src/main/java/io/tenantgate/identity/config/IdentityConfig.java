package io.tenantgate.identity.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.tenantgate.decision.risk.RiskSettings;
import io.tenantgate.decision.risk.RiskWeights;

import java.time.Duration;
import java.util.Set;

/** Decision settings: the rule is a proposal, so thresholds and lists are configuration. */
@ConfigMapping(prefix = "tenantgate.identity")
public interface IdentityConfig {

    /** Jurisdictions of concern (15 CFR 7.4). */
    @WithDefault("CN,HK,MO,CU,IR,KP,RU,VE")
    Set<String> jurisdictionsOfConcern();

    /** Risk score from which a case goes to an analyst. */
    @WithDefault("30")
    int reviewAt();

    /** Risk score from which a case is rejected. */
    @WithDefault("70")
    int rejectAt();

    /**
     * Name score from which a list match is near-exact: with an identifier agreeing and none conflicting it rejects
     * instead of going to review. A name alone never rejects.
     */
    @WithDefault("0.97")
    double nearExactNameScore();

    /** Effective share from which an owner's country counts for the customer, and foreign control is found. */
    @WithDefault("25")
    double ownerExposurePercent();

    /** Owner layers beyond which an ownership structure counts as opaque. */
    @WithDefault("3")
    int maxOwnershipLayers();

    /** From this risk score a case is high-risk: clearing it takes two people, the second a supervisor. */
    @WithDefault("50")
    int highRiskScore();

    /**
     * What a person's case needs before it is decided (else PENDING_INFO): any of date, addresses, emails,
     * phones, accountIds, documents, paymentInstruments.
     */
    @WithDefault("addresses")
    Set<String> requiredForPersons();

    /** The same for organisations; owners may also be required. */
    @WithDefault("addresses")
    Set<String> requiredForOrganizations();

    /** How often cases waiting for screening are retried; also the first wait of a case that failed again. */
    @WithDefault("10s")
    Duration screeningRetryInterval();

    /**
     * The longest wait between two screening attempts of one case (the backoff doubles up to it): short, so that
     * cases are decided soon after screening-service returns; each round takes at most 50 cases.
     */
    @WithDefault("1m")
    Duration screeningRetryMax();

    /** A MaxMind-format country database (GeoIP2 / GeoLite2 Country); the bundled open one when absent. */
    java.util.Optional<java.nio.file.Path> geoipDatabase();

    /** Personal data of a closed account is erased this long after closure. */
    @WithDefault("730d")
    Duration retentionAfterClosure();

    /** Cases per re-screening chunk: the unit one replica claims, screens and commits at a time. */
    @WithDefault("2000")
    int rescreenChunkSize();

    /** Chunks one replica re-screens at the same time. */
    @WithDefault("2")
    int rescreenWorkers();

    /** How long the list change follower waits before following again after its stream ended or failed. */
    @WithDefault("5s")
    Duration listChangeRetryDelay();

    default RiskSettings riskSettings() {
        return new RiskSettings(jurisdictionsOfConcern(), reviewAt(), rejectAt(), nearExactNameScore(),
                ownerExposurePercent(), maxOwnershipLayers(), RiskWeights.defaults());
    }
}
