package io.tenantgate.decision.risk;

import java.util.Map;

/**
 * Points each rule adds to the 0-100 risk score.
 *
 * @param jurisdictionDeclared    a country of concern declared, or on a document, payment or address
 * @param jurisdictionOwner       an owner of concern holding at least the exposure share, or controlling
 * @param jurisdictionObserved    a country of concern seen only in access IPs
 * @param listHitPerScore         points of a list hit per unit of match score (a 0.9 match adds 0.9 x this)
 * @param failedCheck             each failed verification check not named in {@code failedCheckOverrides}
 * @param failedCheckOverrides    check name to points, for checks that weigh more or less (a specimen document)
 * @param ownerCountryUnknown     each owner whose country was not declared
 * @param deepOwnership           the tree is deeper than the allowed layers
 * @param foreignControl          a US entity owned or controlled from abroad
 * @param resellerJurisdiction    the reseller is in a country of concern
 * @param resellerWithoutAttestation the reseller has no CIP attestation on file
 * @param undeterminedStatus      US / foreign status could not be determined
 * @param personConflict          each conflicting signal about the US / foreign status
 */
public record RiskWeights(int jurisdictionDeclared, int jurisdictionOwner, int jurisdictionObserved,
                          int listHitPerScore, int failedCheck, Map<String, Integer> failedCheckOverrides,
                          int ownerCountryUnknown, int deepOwnership, int foreignControl,
                          int resellerJurisdiction, int resellerWithoutAttestation,
                          int undeterminedStatus, int personConflict) {

    public RiskWeights {
        failedCheckOverrides = Map.copyOf(failedCheckOverrides);
    }

    public static RiskWeights defaults() {
        return new RiskWeights(40, 35, 15, 60, 15,
                Map.of("document.not-specimen", 60, "identity.duplicate", 40, "document.expiry", 25),
                15, 20, 25, 30, 20, 30, 10);
    }

    public int failedCheck(String checkName) {
        return failedCheckOverrides.getOrDefault(checkName, failedCheck);
    }
}
