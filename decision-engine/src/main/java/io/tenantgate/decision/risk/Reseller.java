package io.tenantgate.decision.risk;

/**
 * The foreign reseller a customer came through.
 *
 * @param country                 ISO alpha-2 of the reseller's incorporation
 * @param cipAttestationOnFile    the reseller's CIP attestation, which the rule requires of foreign resellers
 */
public record Reseller(String name, String country, boolean cipAttestationOnFile) {
}
