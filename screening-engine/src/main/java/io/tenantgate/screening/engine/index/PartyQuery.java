package io.tenantgate.screening.engine.index;

import io.tenantgate.screening.engine.model.EntryType;
import io.tenantgate.screening.engine.model.Identifier;
import io.tenantgate.screening.engine.model.PartialDate;
import java.util.List;
import java.util.Objects;

/**
 * The party to screen. Only the name is required; {@code country} is an ISO alpha-2 code (nationality or
 * residence), {@code address} free text for matching Entity List address entries.
 */
public record PartyQuery(String name, EntryType type, String country, PartialDate dateOfBirth,
                         List<Identifier> ids, String address) {

    public PartyQuery {
        Objects.requireNonNull(name, "name");
        type = type == null ? EntryType.UNKNOWN : type;
        ids = ids == null ? List.of() : List.copyOf(ids);
    }

    public static PartyQuery ofName(String name) {
        return new PartyQuery(name, EntryType.UNKNOWN, null, null, List.of(), null);
    }
}
