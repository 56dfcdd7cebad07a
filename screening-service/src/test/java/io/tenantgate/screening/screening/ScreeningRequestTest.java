package io.tenantgate.screening.screening;

import io.tenantgate.common.problem.Problem.FieldError;
import io.tenantgate.common.problem.ProblemException;
import io.tenantgate.screening.screening.ScreeningRequest.Address;
import io.tenantgate.screening.screening.ScreeningRequest.Date;
import io.tenantgate.screening.screening.ScreeningRequest.IdentityNumber;
import io.tenantgate.screening.screening.ScreeningRequest.Kind;
import io.tenantgate.screening.screening.ScreeningRequest.Owner;
import io.tenantgate.screening.screening.ScreeningRequest.Party;
import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScreeningRequestTest {

    private static Party person(String... names) {
        return new Party(null, Kind.PERSON, List.of(names), null, null, null, null, null);
    }

    private static List<String> fields(ScreeningRequest request) {
        return request.violations().stream().map(FieldError::field).toList();
    }

    @Test
    void aFullValidRequestPasses() {
        Party owner = new Party("owner-1", Kind.ORGANIZATION, List.of("Owner Holding Ltd"),
                List.of(new Address(List.of("1 Main St"), "Minsk", null, "220000", "BY")), List.of("BY"),
                List.of(new Date(1990, 0, 0)), List.of(new IdentityNumber("passport", "AB123", "BY")), null);
        Party customer = new Party("c", Kind.ORGANIZATION, List.of("Customer LLC", "Customer"), null, List.of("DE"),
                null, null, List.of(new Owner(owner, 60, true)));
        ScreeningRequest request = new ScreeningRequest(customer, 0.9, 5, List.of("EL", "sdn"));
        assertEquals(List.of(), request.violations());
        assertDoesNotThrow(request::validate);
    }

    @Test
    void everyBadFieldIsNamedByItsPath() {
        Party owner = new Party("o\u0007", null, List.of(" "), List.of(new Address(Collections.nCopies(11, "x"),
                "c".repeat(121), null, null, "XX")), List.of("de"), List.of(new Date(1799, 13, 32)),
                List.of(new IdentityNumber(null, "", "ZZ")), null);
        Party customer = new Party("r".repeat(65), Kind.PERSON, List.of("x".repeat(301), "Evil\u0000Name"), null,
                null, null, null, List.of(new Owner(owner, 100.5, false), new Owner(null, 10, false)));
        List<String> fields = fields(new ScreeningRequest(customer, 0.0, 101, Collections.nCopies(21, "EL")));
        assertEquals(List.of("party.reference", "party.names[0]", "party.names[1]",
                "party.owners[0].owner.reference", "party.owners[0].owner.names[0]",
                "party.owners[0].owner.addresses[0].lines", "party.owners[0].owner.addresses[0].city",
                "party.owners[0].owner.addresses[0].country", "party.owners[0].owner.countries[0]",
                "party.owners[0].owner.dates[0].year", "party.owners[0].owner.dates[0].month",
                "party.owners[0].owner.dates[0].day", "party.owners[0].owner.identityNumbers[0].number",
                "party.owners[0].owner.identityNumbers[0].issuingCountry", "party.owners[0].percentage",
                "party.owners[1].owner", "minScore", "limit", "sources"), fields);
    }

    @Test
    void limitsAreInclusive() {
        assertEquals(List.of(), fields(new ScreeningRequest(person("x".repeat(300)), 1.0, 100, null)));
        assertEquals(List.of(), fields(new ScreeningRequest(person("a", "b"), null, 1, Collections.nCopies(20, "EL"))));
        assertEquals(List.of("party.names"), fields(new ScreeningRequest(person(
                Collections.nCopies(21, "n").toArray(String[]::new)), null, null, null)));
        assertEquals(List.of("minScore"), fields(new ScreeningRequest(person("a"), Double.NaN, null, null)));
        assertEquals(List.of("sources[0]"), fields(new ScreeningRequest(person("a"), null, null, List.of("x".repeat(17)))));
    }

    @Test
    void aMissingPartyAndATabInAnOptionalFieldAreRefused() {
        assertEquals(List.of("party"), fields(new ScreeningRequest(null, null, null, null)));
        assertEquals(List.of("party.reference"), fields(new ScreeningRequest(
                new Party("\t", null, List.of("a"), null, null, null, null, null), null, null, null)));
    }

    @Test
    void validateThrowsOneProblemListingEveryField() {
        ProblemException problem = assertThrows(ProblemException.class,
                () -> new ScreeningRequest(person(""), 2.0, null, null).validate());
        assertEquals(400, problem.problem().status());
        assertEquals(List.of("party.names[0]", "minScore"),
                problem.problem().errors().stream().map(FieldError::field).toList());
        assertTrue(problem.problem().detail().contains("party.names[0]: must not be blank; minScore:"),
                problem.problem().detail());
    }
}
