package io.tenantgate.screening.screening;

import io.tenantgate.common.problem.Problem.FieldError;
import io.tenantgate.common.problem.ProblemException;
import io.tenantgate.common.validation.IsoCountryValidator;
import io.tenantgate.common.validation.TypedText;

import java.util.ArrayList;
import java.util.List;

/**
 * A request to screen one party and its owners. The same shape serves REST (as the JSON body) and gRPC
 * (mapped from the contract), and both are checked by {@link #validate()}: plain code rather than Bean
 * Validation, because the check runs for every party of every batch and Bean Validation's reflective walk
 * cost about as much CPU as screening the party.
 */
public record ScreeningRequest(Party party, Double minScore, Integer limit, List<String> sources) {

    /** What kind of party; null screens against entries of every kind. */
    public enum Kind { PERSON, ORGANIZATION, VESSEL, AIRCRAFT, ADDRESS }

    /** Every bad field of the request, named by its path ({@code party.owners[0].owner.names[1]}). */
    public List<FieldError> violations() {
        Check check = new Check();
        if (party == null) {
            check.fail("party", "must not be null");
        } else {
            party.check("party", check);
        }
        if (minScore != null && !(minScore > 0 && minScore <= 1)) {
            check.fail("minScore", "must be greater than 0 and at most 1");
        }
        if (limit != null && (limit < 1 || limit > 100)) {
            check.fail("limit", "must be between 1 and 100");
        }
        if (check.size("sources", sources, 20)) {
            for (int i = 0; i < sources.size(); i++) {
                check.text("sources[" + i + "]", sources.get(i), 16, true);
            }
        }
        return check.errors;
    }

    /** Throws a 400 problem naming every bad field, or returns. */
    public void validate() {
        List<FieldError> errors = violations();
        if (!errors.isEmpty()) {
            throw ProblemException.invalidFields(errors);
        }
    }

    /** A party: the customer, a beneficial owner or a reseller. */
    public record Party(String reference, Kind kind, List<String> names, List<Address> addresses,
                        List<String> countries, List<Date> dates, List<IdentityNumber> identityNumbers,
                        List<Owner> owners) {

        public Party {
            names = names == null ? List.of() : names;
            addresses = addresses == null ? List.of() : addresses;
            countries = countries == null ? List.of() : countries;
            dates = dates == null ? List.of() : dates;
            identityNumbers = identityNumbers == null ? List.of() : identityNumbers;
            owners = owners == null ? List.of() : owners;
        }

        private void check(String path, Check check) {
            check.text(path + ".reference", reference, 64, false);
            if (check.size(path + ".names", names, 20)) {
                for (int i = 0; i < names.size(); i++) {
                    check.text(path + ".names[" + i + "]", names.get(i), 300, true);
                }
            }
            if (check.size(path + ".addresses", addresses, 20)) {
                for (int i = 0; i < addresses.size(); i++) {
                    Address address = addresses.get(i);
                    if (address != null) {
                        address.check(path + ".addresses[" + i + "]", check);
                    }
                }
            }
            if (check.size(path + ".countries", countries, 20)) {
                for (int i = 0; i < countries.size(); i++) {
                    String at = path + ".countries[" + i + "]";
                    if (countries.get(i) == null) {
                        check.fail(at, "must not be null");
                    } else {
                        check.country(at, countries.get(i));
                    }
                }
            }
            if (check.size(path + ".dates", dates, 10)) {
                for (int i = 0; i < dates.size(); i++) {
                    if (dates.get(i) != null) {
                        dates.get(i).check(path + ".dates[" + i + "]", check);
                    }
                }
            }
            if (check.size(path + ".identityNumbers", identityNumbers, 20)) {
                for (int i = 0; i < identityNumbers.size(); i++) {
                    if (identityNumbers.get(i) != null) {
                        identityNumbers.get(i).check(path + ".identityNumbers[" + i + "]", check);
                    }
                }
            }
            if (check.size(path + ".owners", owners, 50)) {
                for (int i = 0; i < owners.size(); i++) {
                    String at = path + ".owners[" + i + "]";
                    if (owners.get(i) == null) {
                        check.fail(at, "must not be null");
                    } else {
                        owners.get(i).check(at, check);
                    }
                }
            }
        }
    }

    public record Address(List<String> lines, String city, String region, String postalCode, String country) {

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

        private void check(String path, Check check) {
            if (check.size(path + ".lines", lines, 10)) {
                for (int i = 0; i < lines.size(); i++) {
                    check.text(path + ".lines[" + i + "]", lines.get(i), 300, false);
                }
            }
            check.text(path + ".city", city, 120, false);
            check.text(path + ".region", region, 120, false);
            check.text(path + ".postalCode", postalCode, 32, false);
            check.country(path + ".country", country);
        }
    }

    /** A date of birth or incorporation; month and day 0 when unknown. */
    public record Date(int year, int month, int day) {

        private void check(String path, Check check) {
            check.range(path + ".year", year, 1800, 2100);
            check.range(path + ".month", month, 0, 12);
            check.range(path + ".day", day, 0, 31);
        }
    }

    public record IdentityNumber(String type, String number, String issuingCountry) {

        private void check(String path, Check check) {
            check.text(path + ".type", type, 40, false);
            check.text(path + ".number", number, 64, true);
            check.country(path + ".issuingCountry", issuingCountry);
        }
    }

    public record Owner(Party owner, double percentage, boolean control) {

        private void check(String path, Check check) {
            if (owner == null) {
                check.fail(path + ".owner", "must not be null");
            } else {
                owner.check(path + ".owner", check);
            }
            if (!(percentage >= 0 && percentage <= 100)) {
                check.fail(path + ".percentage", "must be between 0 and 100");
            }
        }
    }

    /** The errors found so far, in the order of the fields. */
    private static final class Check {
        private final List<FieldError> errors = new ArrayList<>(0);

        void fail(String field, String message) {
            errors.add(new FieldError(field, message));
        }

        /** Whether the list's elements are worth checking: it is there and not over {@code max}. */
        boolean size(String field, List<?> list, int max) {
            if (list == null) {
                return false;
            }
            if (list.size() > max) {
                fail(field, "at most " + max + " entries");
                return false;
            }
            return true;
        }

        /** Text a person could have typed, at most {@code max} characters; null passes unless required. */
        void text(String field, String value, int max, boolean required) {
            if (required && (value == null || value.isBlank())) {
                fail(field, "must not be blank");
            } else if (value != null && value.length() > max) {
                fail(field, "at most " + max + " characters");
            } else if (value != null && TypedText.hasControlCharacter(value)) {
                fail(field, "must not contain control characters");
            }
        }

        void country(String field, String value) {
            if (value != null && !IsoCountryValidator.isAssigned(value)) {
                fail(field, "must be an ISO 3166-1 alpha-2 country code such as DE or CN");
            }
        }

        void range(String field, int value, int min, int max) {
            if (value < min || value > max) {
                fail(field, "must be between " + min + " and " + max);
            }
        }
    }
}
