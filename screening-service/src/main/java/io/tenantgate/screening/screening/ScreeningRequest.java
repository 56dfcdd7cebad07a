package io.tenantgate.screening.screening;

import io.tenantgate.common.problem.Problem.FieldError;
import io.tenantgate.common.problem.ProblemException;
import io.tenantgate.common.validation.IsoCountryValidator;
import io.tenantgate.common.validation.TypedText;

import java.util.ArrayList;
import io.tenantgate.common.validation.ScreeningLimits;
import java.util.List;
import java.util.function.BiConsumer;

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
        check.each("sources", sources, 20, (at, source) -> check.text(at, source, 16, true));
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
            check.each(path + ".names", names, ScreeningLimits.NAMES_PER_PARTY, (at, name) -> check.text(at, name, 300, true));
            check.eachPresent(path + ".addresses", addresses, 20, Address::check);
            check.each(path + ".countries", countries, 20, (at, country) -> {
                if (country == null) {
                    check.fail(at, "must not be null");
                }
                check.country(at, country);
            });
            check.eachPresent(path + ".dates", dates, 10, Date::check);
            check.eachPresent(path + ".identityNumbers", identityNumbers, 20, IdentityNumber::check);
            check.each(path + ".owners", owners, ScreeningLimits.OWNERS_PER_PARTY, (at, owner) -> {
                if (owner == null) {
                    check.fail(at, "must not be null");
                } else {
                    owner.check(at, check);
                }
            });
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
            check.each(path + ".lines", lines, 10, (at, line) -> check.text(at, line, 300, false));
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

    /** A part of the request that checks itself, under the path it has in the request. */
    private interface Nested<T> {
        void check(T value, String path, Check check);
    }

    /** The errors found so far, in the order of the fields. */
    private static final class Check {
        private final List<FieldError> errors = new ArrayList<>(0);

        void fail(String field, String message) {
            errors.add(new FieldError(field, message));
        }

        /** Checks the present entries of a list with their own check; null entries pass. */
        <T> void eachPresent(String field, List<T> list, int max, Nested<T> nested) {
            each(field, list, max, (at, value) -> {
                if (value != null) {
                    nested.check(value, at, this);
                }
            });
        }

        /** A list of at most {@code max} entries (null passes), each checked as {@code field[i]}. */
        <T> void each(String field, List<T> list, int max, BiConsumer<String, T> element) {
            if (list == null) {
                return;
            }
            if (list.size() > max) {
                fail(field, "at most " + max + " entries");
                return;
            }
            for (int i = 0; i < list.size(); i++) {
                element.accept(field + "[" + i + "]", list.get(i));
            }
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
