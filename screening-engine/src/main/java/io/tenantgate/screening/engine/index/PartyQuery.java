package io.tenantgate.screening.engine.index;

import io.tenantgate.screening.engine.model.EntryType;
import io.tenantgate.screening.engine.model.Identifier;
import io.tenantgate.screening.engine.model.PartialDate;
import java.util.List;
import java.util.Objects;

/**
 * The party to screen. Only the name is required; {@code countries} are ISO alpha-2 codes (nationalities or
 * residence: a dual national has two, and either may be the one a list entry names), {@code address} free text
 * for matching Entity List address entries.
 */
public record PartyQuery(String name, EntryType type, List<String> countries, PartialDate dateOfBirth,
                         List<Identifier> ids, String address) {

    public PartyQuery {
        Objects.requireNonNull(name, "name");
        type = type == null ? EntryType.UNKNOWN : type;
        countries = countries == null ? List.of() : List.copyOf(countries);
        ids = ids == null ? List.of() : List.copyOf(ids);
    }

    /** A party with one country, or none when {@code country} is null. */
    public PartyQuery(String name, EntryType type, String country, PartialDate dateOfBirth, List<Identifier> ids,
                      String address) {
        this(name, type, country == null ? List.of() : List.of(country), dateOfBirth, ids, address);
    }

    public static PartyQuery ofName(String name) {
        return new PartyQuery(name, EntryType.UNKNOWN, List.of(), null, List.of(), null);
    }
}
