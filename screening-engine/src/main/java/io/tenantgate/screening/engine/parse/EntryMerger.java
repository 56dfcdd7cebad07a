package io.tenantgate.screening.engine.parse;

import io.tenantgate.screening.engine.model.Entry;
import io.tenantgate.screening.engine.model.EntryType;
import io.tenantgate.screening.engine.model.ListSource;
import io.tenantgate.screening.engine.model.PartialDate;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Joins entries that describe one party, so that a party is one hit naming every list it is on:
 * <ul>
 * <li>OFAC rows (CSL SDN, SSI, ... and the SDN file) share one entity-number namespace, so rows with the same
 * number become one entry. The key of the merged entry is that of its SDN row when there is one.</li>
 * <li>The Commerce and State rows of the CSL (Entity List, Denied Persons, Unverified, Military End User,
 * Nonproliferation, ITAR Debarred) carry no shared number; a party on several lists is listed under the same
 * name. Such a row joins a party of another list (an OFAC party first) with the same name (its words in any
 * order, case and accents aside) when nothing they say disagrees: the same kind of party, and, where both give
 * them, a common year of birth and a common country. The party keeps its key.</li>
 * </ul>
 * {@link Merged#keyOfRow()} says where each row went, so a caller holding a row's key finds its party.
 */
public final class EntryMerger {

    /** The merged entries, and for each row key the key of the entry it became part of. */
    public record Merged(List<Entry> entries, Map<String, String> keyOfRow) {
    }

    private static final Set<ListSource> AGENCY_LISTS = EnumSet.of(ListSource.EL, ListSource.DPL, ListSource.UVL,
            ListSource.MEU, ListSource.ISN, ListSource.DTC);

    private EntryMerger() {
    }

    public static List<Entry> merge(Collection<Entry> entries) {
        return mergeTracked(entries).entries();
    }

    public static Merged mergeTracked(Collection<Entry> entries) {
        Map<String, String> keyOfRow = new LinkedHashMap<>();
        Map<String, Entry> byNumber = new LinkedHashMap<>();
        entries.stream()
                .sorted(Comparator.comparing(EntryMerger::preference))
                .forEach(entry -> {
                    Entry merged = byNumber.merge(partyIdentity(entry), entry, Entry::mergedWith);
                    keyOfRow.put(entry.key(), merged.key());
                });
        List<Entry> parties = new ArrayList<>(byNumber.values());
        Map<String, List<Integer>> partiesByName = new HashMap<>();
        // parties of other lists first, so an agency row joins the OFAC party of its name wherever that stands
        for (int i = 0; i < parties.size(); i++) {
            if (!isAgencyRow(parties.get(i)) && !parties.get(i).sources().contains(ListSource.INTERNAL)) {
                partiesByName.computeIfAbsent(foldedName(parties.get(i).name()), name -> new ArrayList<>()).add(i);
            }
        }
        boolean[] joined = new boolean[parties.size()];
        for (int i = 0; i < parties.size(); i++) {
            Entry row = parties.get(i);
            if (!isAgencyRow(row)) {
                continue;
            }
            List<Integer> sameName = partiesByName.computeIfAbsent(foldedName(row.name()), name -> new ArrayList<>());
            Integer same = sameName.stream().filter(index -> sameParty(parties.get(index), row)).findFirst().orElse(null);
            if (same == null) {
                sameName.add(i);
            } else {
                Entry merged = parties.get(same).mergedWith(row);
                parties.set(same, merged);
                joined[i] = true;
                keyOfRow.put(row.key(), merged.key()); // an agency row is never merged by number before
            }
        }
        List<Entry> result = new ArrayList<>(parties.size());
        for (int i = 0; i < parties.size(); i++) {
            if (!joined[i]) {
                result.add(parties.get(i));
            }
        }
        return new Merged(List.copyOf(result), Collections.unmodifiableMap(keyOfRow));
    }

    /**
     * Rows with the same identity describe one party: OFAC rows by entity number (also once an agency row has
     * joined them), others by key.
     */
    public static String partyIdentity(Entry entry) {
        boolean ofac = entry.sources().stream().anyMatch(ListSource::isOfac) && entry.entityNumber() != null;
        return ofac ? "OFAC:" + entry.entityNumber() : entry.key();
    }

    private static boolean isAgencyRow(Entry entry) {
        return AGENCY_LISTS.containsAll(entry.sources());
    }

    /** Rows of different lists whose facts do not disagree (the names are already the same). */
    private static boolean sameParty(Entry party, Entry row) {
        return !party.sources().containsAll(row.sources())
                && (party.type() == row.type() || party.type() == EntryType.UNKNOWN || row.type() == EntryType.UNKNOWN)
                && party.addressOnly() == row.addressOnly()
                && overlapOrUnknown(years(party), years(row))
                && overlapOrUnknown(party.countries(), row.countries());
    }

    private static Set<Integer> years(Entry entry) {
        return entry.datesOfBirth().stream().map(PartialDate::year).collect(Collectors.toSet());
    }

    private static <T> boolean overlapOrUnknown(Set<T> a, Set<T> b) {
        return a.isEmpty() || b.isEmpty() || !Collections.disjoint(a, b);
    }

    /** The name's words in order, without case, accents or punctuation: "J. Robert Shubert, Sr." is ROBERT J SHUBERT SR. */
    public static String foldedName(String name) {
        String plain = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}", "")
                .toUpperCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
        return Arrays.stream(plain.split(" ")).sorted().collect(Collectors.joining(" "));
    }

    /** SDN rows first, so they give the merged entry its key; the sort is stable for the rest. */
    private static int preference(Entry entry) {
        return entry.sources().contains(ListSource.SDN) ? 0 : 1;
    }
}
