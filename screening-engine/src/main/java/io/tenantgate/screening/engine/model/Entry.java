package io.tenantgate.screening.engine.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * One listed party, immutable. {@code key} is stable across list versions: {@code SOURCE:NUMBER}
 * (e.g. {@code SDN:36216}, {@code EL:<csl _id>}). An OFAC entity found in several files is one entry
 * whose {@code sources} holds every list it is on. {@code nationalities} holds ISO alpha-2 codes of
 * nationality and citizenship. {@code addressOnly} marks Entity List rows whose "name" is an address.
 */
public record Entry(
        String key,
        Set<ListSource> sources,
        String entityNumber,
        EntryType type,
        List<String> programs,
        String name,
        List<String> aliases,
        List<Address> addresses,
        List<Identifier> ids,
        List<PartialDate> datesOfBirth,
        List<String> placesOfBirth,
        Set<String> nationalities,
        String licenseRequirement,
        String licensePolicy,
        String federalRegisterNotice,
        String startDate,
        boolean addressOnly,
        String remarks,
        List<String> linkedTo) {

    public Entry {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(name, "name");
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("entry " + key + " has no source");
        }
        sources = Set.copyOf(EnumSet.copyOf(sources));
        type = type == null ? EntryType.UNKNOWN : type;
        programs = List.copyOf(programs);
        aliases = List.copyOf(aliases);
        addresses = List.copyOf(addresses);
        ids = List.copyOf(ids);
        datesOfBirth = List.copyOf(datesOfBirth);
        placesOfBirth = List.copyOf(placesOfBirth);
        nationalities = Set.copyOf(nationalities);
        linkedTo = List.copyOf(linkedTo);
    }

    /** The primary name followed by every alias. */
    public List<String> allNames() {
        return Stream.concat(Stream.of(name), aliases.stream()).toList();
    }

    /** Every country tied to the entry: nationalities, citizenships and address countries. */
    public Set<String> countries() {
        Set<String> countries = new LinkedHashSet<>(nationalities);
        addresses.stream().map(Address::country).filter(Objects::nonNull).forEach(countries::add);
        return countries;
    }

    /**
     * The same party described by another file: union of sources, names and facts; scalar fields
     * keep this entry's value when it has one.
     */
    public Entry mergedWith(Entry other) {
        Set<ListSource> mergedSources = EnumSet.copyOf(sources);
        mergedSources.addAll(other.sources);
        List<String> mergedAliases = new ArrayList<>(union(aliases, other.allNames()));
        mergedAliases.removeIf(name::equalsIgnoreCase);
        return new Entry(key, mergedSources, entityNumber, type == EntryType.UNKNOWN ? other.type : type,
                union(programs, other.programs), name, mergedAliases,
                union(addresses, other.addresses), union(ids, other.ids), union(datesOfBirth, other.datesOfBirth),
                union(placesOfBirth, other.placesOfBirth), Set.copyOf(union(nationalities, other.nationalities)),
                firstNonBlank(licenseRequirement, other.licenseRequirement),
                firstNonBlank(licensePolicy, other.licensePolicy),
                firstNonBlank(federalRegisterNotice, other.federalRegisterNotice),
                firstNonBlank(startDate, other.startDate), addressOnly && other.addressOnly,
                firstNonBlank(remarks, other.remarks), union(linkedTo, other.linkedTo));
    }

    private static <T> List<T> union(Collection<T> first, Collection<T> second) {
        LinkedHashSet<T> all = new LinkedHashSet<>(first);
        all.addAll(second);
        return List.copyOf(all);
    }

    private static String firstNonBlank(String first, String second) {
        return first != null && !first.isBlank() ? first : second;
    }

    public static Builder builder(ListSource source, String number) {
        return new Builder(source, number);
    }

    /** Collects the facts of one entry while a parser reads them. */
    public static final class Builder {
        private final String key;
        private final Set<ListSource> sources;
        private final String entityNumber;
        private EntryType type = EntryType.UNKNOWN;
        private final List<String> programs = new ArrayList<>();
        private String name;
        private final List<String> aliases = new ArrayList<>();
        private final List<Address> addresses = new ArrayList<>();
        private final List<Identifier> ids = new ArrayList<>();
        private final List<PartialDate> datesOfBirth = new ArrayList<>();
        private final List<String> placesOfBirth = new ArrayList<>();
        private final Set<String> nationalities = new LinkedHashSet<>();
        private String licenseRequirement;
        private String licensePolicy;
        private String federalRegisterNotice;
        private String startDate;
        private boolean addressOnly;
        private String remarks;
        private final List<String> linkedTo = new ArrayList<>();

        private Builder(ListSource source, String number) {
            this.key = source.name() + ":" + number;
            this.sources = EnumSet.of(source);
            this.entityNumber = number;
        }

        public Builder type(EntryType value) { type = value; return this; }
        public Builder program(String value) { programs.add(value); return this; }
        public Builder name(String value) { name = value; return this; }
        public Builder alias(String value) { aliases.add(value); return this; }
        public Builder address(Address value) { addresses.add(value); return this; }
        public Builder id(Identifier value) { ids.add(value); return this; }
        public Builder dateOfBirth(PartialDate value) { datesOfBirth.add(value); return this; }
        public Builder placeOfBirth(String value) { placesOfBirth.add(value); return this; }
        public Builder nationality(String isoCode) { nationalities.add(isoCode); return this; }
        public Builder licenseRequirement(String value) { licenseRequirement = value; return this; }
        public Builder licensePolicy(String value) { licensePolicy = value; return this; }
        public Builder federalRegisterNotice(String value) { federalRegisterNotice = value; return this; }
        public Builder startDate(String value) { startDate = value; return this; }
        public Builder addressOnly(boolean value) { addressOnly = value; return this; }
        public Builder remarks(String value) { remarks = value; return this; }
        public Builder linkedTo(String value) { linkedTo.add(value); return this; }

        public Entry build() {
            List<String> distinctAliases = new ArrayList<>(new LinkedHashSet<>(aliases));
            distinctAliases.removeIf(alias -> alias.isBlank() || alias.equalsIgnoreCase(name));
            return new Entry(key, sources, entityNumber, type, programs, name, distinctAliases, addresses, ids,
                    datesOfBirth, placesOfBirth, nationalities, licenseRequirement, licensePolicy,
                    federalRegisterNotice, startDate, addressOnly, remarks, linkedTo);
        }
    }
}
