package io.tenantgate.identity;

import java.util.List;
import java.util.Map;

/** Sign-up requests the identity tests open cases with. */
final class TestCustomers {

    private TestCustomers() {
    }

    /** A Portuguese person born 1985-04-12, with one address, email, phone and account. */
    static Map<String, Object> person(String name) {
        return Map.of("kind", "PERSON", "legalName", name, "countries", List.of("PT"),
                "date", Map.of("year", 1985, "month", 4, "day", 12),
                "emails", List.of("person@example.org"), "phones", List.of("+351212345678"),
                "addresses", List.of(Map.of("lines", List.of("Rua Augusta 1"), "city", "Lisboa", "country", "PT")),
                "accountIds", List.of(accountId(name)));
    }

    static String accountId(String name) {
        return "acct-" + name.hashCode();
    }
}
