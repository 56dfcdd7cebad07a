package io.tenantgate.identity.cases;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which data a case needs before it can be decided, per kind of customer (configuration): without it the
 * case is PENDING_INFO with the missing items named, and is assessed again when they arrive.
 */
public record RequiredData(Set<String> persons, Set<String> organisations) {

    /** Everything that can be required: fields of the declaration and evidence added later. */
    public static final Set<String> KNOWN = Set.of("date", "addresses", "emails", "phones", "accountIds", "owners",
            "documents", "paymentInstruments");

    public RequiredData {
        persons = Set.copyOf(persons);
        organisations = Set.copyOf(organisations);
        List<String> unknown = new ArrayList<>();
        persons.stream().filter(item -> !KNOWN.contains(item)).forEach(unknown::add);
        organisations.stream().filter(item -> !KNOWN.contains(item)).forEach(unknown::add);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown required data " + unknown + "; known: " + new TreeSet<>(KNOWN));
        }
    }

    public static final RequiredData NOTHING = new RequiredData(Set.of(), Set.of());

    /** The required items this case lacks, in a stable order. */
    public List<String> missing(CaseRequest request, CaseEvidence evidence) {
        Set<String> required = request.kind() == CaseRequest.Kind.PERSON ? persons : organisations;
        return new TreeSet<>(required).stream().filter(item -> switch (item) {
            case "date" -> request.date() == null;
            case "addresses" -> request.addresses().isEmpty();
            case "emails" -> request.emails().isEmpty();
            case "phones" -> request.phones().isEmpty();
            case "accountIds" -> request.accountIds().isEmpty();
            case "owners" -> request.owners().isEmpty();
            case "documents" -> evidence.documents() == 0;
            default -> evidence.paymentInstruments() == 0;
        }).toList();
    }
}
