package io.tenantgate.identity.evidence;

import io.tenantgate.common.validation.IsoCountry;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;

/**
 * An identity document as the sign-up flow read it.
 *
 * @param mrz the machine-readable zone, one string per line (two lines of 44 for a passport, three of 30 for
 *            an ID card), when the flow scanned it
 */
public record DocumentRequest(
        @NotNull IdentityDocument.Type type,
        @NotBlank @Size(max = 40) @Pattern(regexp = "[A-Za-z0-9 <./-]+", message = "letters, digits, spaces and < . / - only") String number,
        @NotNull @IsoCountry String issuingCountry,
        LocalDate expiry,
        @Size(max = 3) List<@NotBlank @Size(max = 44) @Pattern(regexp = "[A-Z0-9<]+", message = "MRZ characters are A-Z, 0-9 and < only") String> mrz) {

    public DocumentRequest {
        mrz = mrz == null ? List.of() : mrz;
    }
}
