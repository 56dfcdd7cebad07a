package io.tenantgate.screening.screening;

import io.tenantgate.common.validation.IsoCountry;
import io.tenantgate.common.validation.NoControlCharacters;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * A request to screen one party and its owners. The same shape serves REST (as the JSON body) and gRPC
 * (mapped from the contract), so both validate alike.
 */
public record ScreeningRequest(
        @NotNull @Valid Party party,
        @DecimalMin(value = "0.0", inclusive = false) @DecimalMax("1.0") Double minScore,
        @Min(1) @Max(100) Integer limit,
        @Size(max = 20) List<@NotBlank @Size(max = 16) String> sources) {

    /** What kind of party; null screens against entries of every kind. */
    public enum Kind { PERSON, ORGANIZATION, VESSEL, AIRCRAFT, ADDRESS }

    /** A party: the customer, a beneficial owner or a reseller. */
    public record Party(
            @Size(max = 64) @NoControlCharacters String reference,
            Kind kind,
            @Size(max = 20) List<@NotBlank @Size(max = 300) @NoControlCharacters String> names,
            @Size(max = 20) List<@Valid Address> addresses,
            @Size(max = 20) List<@NotNull @IsoCountry String> countries,
            @Size(max = 10) List<@Valid Date> dates,
            @Size(max = 20) List<@Valid IdentityNumber> identityNumbers,
            @Size(max = 50) List<@NotNull @Valid Owner> owners) {

        public Party {
            names = names == null ? List.of() : names;
            addresses = addresses == null ? List.of() : addresses;
            countries = countries == null ? List.of() : countries;
            dates = dates == null ? List.of() : dates;
            identityNumbers = identityNumbers == null ? List.of() : identityNumbers;
            owners = owners == null ? List.of() : owners;
        }
    }

    public record Address(
            @Size(max = 10) List<@Size(max = 300) @NoControlCharacters String> lines,
            @Size(max = 120) @NoControlCharacters String city,
            @Size(max = 120) @NoControlCharacters String region,
            @Size(max = 32) @NoControlCharacters String postalCode,
            @IsoCountry String country) {

        public Address {
            lines = lines == null ? List.of() : lines;
        }

        /** One line of text for matching Entity List address entries. */
        public String text() {
            StringBuilder text = new StringBuilder(String.join(", ", lines));
            for (String part : new String[]{city, region, postalCode}) {
                if (part != null && !part.isBlank()) {
                    text.append(text.isEmpty() ? "" : ", ").append(part);
                }
            }
            return text.toString();
        }
    }

    /** A date of birth or incorporation; month and day 0 when unknown. */
    public record Date(@Min(1800) @Max(2100) int year, @Min(0) @Max(12) int month, @Min(0) @Max(31) int day) {
    }

    public record IdentityNumber(
            @Size(max = 40) @NoControlCharacters String type,
            @NotBlank @Size(max = 64) @NoControlCharacters String number,
            @IsoCountry String issuingCountry) {
    }

    public record Owner(@NotNull @Valid Party owner,
                        @DecimalMin("0.0") @DecimalMax("100.0") double percentage,
                        boolean control) {
    }
}
