package io.tenantgate.reporting.client;

import java.time.Instant;
import java.util.List;

/**
 * A customer's CIP record as identity-service holds it, in plain types: what a regulatory report states
 * about the customer. Numbers of payment instruments and documents arrive masked.
 */
public record CustomerIdentity(String customerId, String kind, String legalName, List<String> otherNames,
                               String date, List<String> countries, List<Address> addresses, List<String> emails,
                               List<String> phones, List<Payment> meansOfPayment, List<Document> identityDocuments,
                               List<String> accountIds, Reseller reseller, List<Owner> beneficialOwners,
                               List<Access> ipAddresses, PersonStatus personStatus, boolean verified,
                               Instant openedAt, Instant closedAt) {

    public enum PersonStatus { UNDETERMINED, US_PERSON, FOREIGN_PERSON }

    /** The customer's main country: first of its countries, else of its addresses; null when unknown. */
    public String mainCountry() {
        if (!countries.isEmpty()) {
            return countries.get(0);
        }
        return addresses.stream().map(Address::country).filter(c -> c != null && !c.isEmpty()).findFirst().orElse(null);
    }

    public record Address(List<String> lines, String city, String region, String postalCode, String country) {
    }

    public record Payment(String type, String lastDigits, String issuingCountry, String sourceOfFunds,
                          List<String> providerReferences) {
    }

    public record Document(String type, String maskedNumber, String issuingCountry) {
    }

    public record Reseller(String resellerId, String name, String country) {
    }

    public record Owner(String kind, String name, String date, List<String> countries, List<Address> addresses,
                        double percentage, boolean control, List<Owner> owners) {
    }

    public record Access(String ipAddress, Instant occurredAt, String action, String accountId, String ipCountry) {
    }
}
