package io.tenantgate.identity.cases;

import io.tenantgate.common.validation.IsoCountry;
import io.tenantgate.common.validation.NoControlCharacters;
import io.tenantgate.common.validation.ScreeningLimits;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * What a sign-up flow declares about a new customer. Documents and payment instruments, which must be
 * encrypted at rest, are added to a case through their own endpoints.
 */
@ScreenableOwnership
public record CaseRequest(
        @NotNull Kind kind,
        @NotBlank @Size(max = 300) @NoControlCharacters String legalName,
        @Size(max = ScreeningLimits.NAMES_PER_PARTY - 1) List<@NotBlank @Size(max = 300) @NoControlCharacters String> otherNames,
        @Valid Date date,
        @NotEmpty @Size(max = 10) List<@NotNull @IsoCountry String> countries,
        @Size(max = 10) List<@NotNull @Valid Address> addresses,
        @Size(max = 10) List<@NotBlank @Email @Size(max = 254) String> emails,
        @Size(max = 10) List<@NotBlank @Pattern(regexp = "\\+[1-9][0-9]{6,14}", message = "must be an E.164 number such as +4930123456") String> phones,
        @Size(max = 50) List<@NotBlank @Size(max = 128) @NoControlCharacters String> accountIds,
        @Valid Reseller reseller,
        @Size(max = ScreeningLimits.OWNERS_PER_PARTY) List<@NotNull @Valid Owner> owners) {

    public CaseRequest {
        otherNames = orEmpty(otherNames);
        addresses = orEmpty(addresses);
        emails = orEmpty(emails);
        phones = orEmpty(phones);
        accountIds = orEmpty(accountIds);
        owners = orEmpty(owners);
    }

    public enum Kind { PERSON, ORGANIZATION }

    /** Date of birth or of incorporation; month and day 0 when unknown. */
    public record Date(@Min(1800) @Max(2100) int year, @Min(0) @Max(12) int month, @Min(0) @Max(31) int day) {
    }

    public record Address(
            @Size(max = 5) List<@Size(max = 200) @NoControlCharacters String> lines,
            @Size(max = 120) @NoControlCharacters String city,
            @Size(max = 120) @NoControlCharacters String region,
            @Size(max = 32) @NoControlCharacters String postalCode,
            @NotNull @IsoCountry String country) {
        public Address {
            lines = orEmpty(lines);
        }
    }

    /** The foreign reseller the customer came through, and whether its CIP attestation is on file. */
    public record Reseller(@NotBlank @Size(max = 300) @NoControlCharacters String name,
                           @NotNull @IsoCountry String country,
                           boolean cipAttestationOnFile) {
    }

    /** A beneficial owner: 25 % or more, or substantial control; may have owners of its own. */
    public record Owner(
            @NotNull Kind kind,
            @NotBlank @Size(max = 300) @NoControlCharacters String name,
            @Valid Date date,
            @Size(max = 10) List<@NotNull @IsoCountry String> countries,
            @Size(max = 10) List<@NotNull @Valid Address> addresses,
            @DecimalMin("0.0") @DecimalMax("100.0") double percentage,
            boolean control,
            @Size(max = ScreeningLimits.OWNERS_PER_PARTY) List<@NotNull @Valid Owner> owners) {
        public Owner {
            countries = orEmpty(countries);
            addresses = orEmpty(addresses);
            owners = orEmpty(owners);
        }
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
