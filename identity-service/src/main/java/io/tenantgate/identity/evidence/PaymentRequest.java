package io.tenantgate.identity.evidence;

import io.tenantgate.common.validation.IsoCountry;
import io.tenantgate.common.validation.NoControlCharacters;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * A means of payment of one of the customer's accounts.
 *
 * @param identifier card number, IBAN or wallet address; none for an invoice
 */
public record PaymentRequest(
        @NotNull PaymentInstrument.Type type,
        @Size(max = 128) @NoControlCharacters String accountId,
        @Size(max = 128) @NoControlCharacters String identifier,
        @IsoCountry String issuingCountry,
        @NotBlank @Size(max = 300) @NoControlCharacters String sourceOfFunds,
        @Size(max = 20) List<@NotBlank @Size(max = 128) @NoControlCharacters String> providerReferences) {

    public PaymentRequest {
        providerReferences = providerReferences == null ? List.of() : providerReferences;
    }
}
