package io.tenantgate.screening.engine.parse;

import io.tenantgate.screening.engine.model.Address;
import io.tenantgate.screening.engine.model.Countries;
import io.tenantgate.screening.engine.model.Entry;
import io.tenantgate.screening.engine.model.EntryType;
import io.tenantgate.screening.engine.model.ListSource;
import java.util.Locale;
import java.util.regex.Pattern;

/** Turns a CSL row into an entry; shared by the CSV and JSON readers. */
final class CslEntries {

    /** Entity List "addresses of high diversion risk" are listed with the address as the name. */
    private static final Pattern ADDRESS_LIKE_NAME = Pattern.compile(
            "(?i)^(address:|(room|flat|unit|suite|floor|no\\.|block|building)\\b.*\\d|\\d+[-/\\w]*,? .*\\b(road|rd\\.?|street|st\\.|avenue|ave\\.?|lane|floor|building|district)\\b).*");

    private CslEntries() {
    }

    static Entry toEntry(CslRow row) {
        if (row.source() == null || row.source().isBlank()) {
            throw new IllegalArgumentException("missing source");
        }
        ListSource source = ListSource.fromCslSource(row.source());
        if (row.name() == null || row.name().isBlank()) {
            throw new IllegalArgumentException("missing name");
        }
        boolean numbered = row.entityNumber() != null && !row.entityNumber().isBlank();
        if (!numbered && (row.id() == null || row.id().isBlank())) {
            throw new IllegalArgumentException("neither _id nor entity_number");
        }
        Entry.Builder entry = Entry.builder(source, numbered ? row.entityNumber().strip() : row.id().strip())
                .type(EntryType.parse(row.type()))
                .name(row.name().strip())
                .federalRegisterNotice(row.federalRegisterNotice())
                .startDate(row.startDate())
                .licenseRequirement(row.licenseRequirement())
                .licensePolicy(row.licensePolicy())
                .remarks(row.remarks());
        row.programs().forEach(entry::program);
        row.altNames().stream().map(CslEntries::withoutLeadingAnd).forEach(entry::alias);
        row.addresses().forEach(entry::address);
        row.ids().forEach(entry::id);
        row.placesOfBirth().forEach(entry::placeOfBirth);
        row.citizenships().forEach(country -> Countries.toIso(country).ifPresent(entry::nationality));
        row.nationalities().forEach(country -> Countries.toIso(country).ifPresent(entry::nationality));
        row.datesOfBirth().forEach(date -> BirthDates.parse(date).forEach(entry::dateOfBirth));
        entry.addressOnly(source == ListSource.EL && isAddressName(row));
        return entry.build();
    }

    private static boolean isAddressName(CslRow row) {
        String name = row.name().strip();
        return ADDRESS_LIKE_NAME.matcher(name).matches()
                || row.addresses().stream().anyMatch(address -> address.text().equalsIgnoreCase(name));
    }

    /** EL alias cells sometimes keep the conjunction of the Federal Register text: "...; and JSC 140". */
    static String withoutLeadingAnd(String value) {
        String stripped = value.strip();
        return stripped.toLowerCase(Locale.ROOT).startsWith("and ") ? stripped.substring(4).strip() : stripped;
    }

    /** "19 Luysi Chalovskoy St., Borisov, 222512, BY": the trailing ISO code is the country. */
    static Address address(String text) {
        String cleaned = withoutLeadingAnd(text);
        int comma = cleaned.lastIndexOf(',');
        String last = (comma < 0 ? cleaned : cleaned.substring(comma + 1)).strip();
        return new Address(cleaned, Countries.toIso(last).orElse(null));
    }
}
