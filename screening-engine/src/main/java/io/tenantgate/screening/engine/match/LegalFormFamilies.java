package io.tenantgate.screening.engine.match;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Groups specific legal forms by kind: a joint-stock company (JSC, OJSC, AG, SA, ...) is not a limited
 * liability company (LLC, GmbH, SRL, ...) nor a non-profit (ANO). Names with forms of different kinds
 * name different companies.
 */
final class LegalFormFamilies {

    private static final Map<String, String> FAMILY = familyTable();

    private LegalFormFamilies() {
    }

    static boolean conflict(Set<String> query, Set<String> candidate) {
        if (query.isEmpty() || candidate.isEmpty()) {
            return false;
        }
        Set<String> families = query.stream().map(LegalFormFamilies::family).collect(Collectors.toSet());
        return candidate.stream().map(LegalFormFamilies::family).noneMatch(families::contains);
    }

    private static String family(String form) {
        return FAMILY.getOrDefault(form, form);
    }

    private static Map<String, String> familyTable() {
        Map<String, String> table = new HashMap<>();
        for (String form : Set.of("JSC", "OJSC", "CJSC", "PJSC", "AG", "SA", "NV", "SPA", "AB", "AS", "PLC", "SE")) {
            table.put(form, "JOINT_STOCK");
        }
        for (String form : Set.of("LLC", "GMBH", "SRL", "SARL", "BV", "LTDA", "SP", "ZOO", "KFT", "SRO", "DOO",
                "EOOD", "OOD", "SAS")) {
            table.put(form, "LIMITED_LIABILITY");
        }
        return Map.copyOf(table);
    }
}
