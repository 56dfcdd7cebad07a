package io.tenantgate.identity.client;

import io.tenantgate.identity.cases.CaseRequest;
import io.tenantgate.proto.common.v1.Address;
import io.tenantgate.proto.common.v1.PartialDate;
import io.tenantgate.proto.screening.v1.FactOutcome;
import io.tenantgate.proto.screening.v1.IdentityNumber;
import io.tenantgate.proto.screening.v1.Match;
import io.tenantgate.proto.screening.v1.Party;
import io.tenantgate.proto.screening.v1.PartyKind;

import java.util.List;

/**
 * A customer or owner as screening-service's {@link Party}, and a {@link Match} as a hit: the one mapping both
 * screening clients use.
 */
final class ScreenedParties {

    private ScreenedParties() {
    }

    /** A party with its names, countries, date and addresses; owners and numbers are added by the caller. */
    static Party.Builder party(String reference, CaseRequest.Kind kind, List<String> names, List<String> countries,
                               CaseRequest.Date date, List<CaseRequest.Address> addresses) {
        Party.Builder party = Party.newBuilder().setReference(reference)
                .setKind(kind == CaseRequest.Kind.PERSON ? PartyKind.PARTY_KIND_PERSON : PartyKind.PARTY_KIND_ORGANIZATION)
                .addAllNames(names).addAllCountries(countries);
        if (date != null) {
            party.addDates(PartialDate.newBuilder().setYear(date.year()).setMonth(date.month()).setDay(date.day()));
        }
        for (CaseRequest.Address address : addresses) {
            party.addAddresses(Address.newBuilder().addAllLines(address.lines()).setCountry(address.country())
                    .setCity(nullToEmpty(address.city())).setRegion(nullToEmpty(address.region()))
                    .setPostalCode(nullToEmpty(address.postalCode())));
        }
        return party;
    }

    /** The reseller through which the customer came: screened like any party, under the reference "reseller". */
    static Party.Builder reseller(CaseRequest.Reseller reseller) {
        return party("reseller", CaseRequest.Kind.ORGANIZATION, List.of(reseller.name()), List.of(reseller.country()),
                null, List.of());
    }

    /**
     * The customer's e-mail addresses and phone numbers, document numbers and wallet addresses: the lists name
     * those of listed parties, and a match on one of them stands whatever name the customer gives.
     */
    static List<IdentityNumber> identityNumbers(CaseRequest customer, List<ScreeningIdentifier> identifiers) {
        List<IdentityNumber> numbers = new java.util.ArrayList<>();
        customer.emails().forEach(email -> numbers.add(IdentityNumber.newBuilder().setType("email").setNumber(email).build()));
        customer.phones().forEach(phone -> numbers.add(IdentityNumber.newBuilder().setType("phone").setNumber(phone).build()));
        identifiers.forEach(identifier -> numbers.add(IdentityNumber.newBuilder().setType(identifier.type())
                .setNumber(identifier.number()).setIssuingCountry(nullToEmpty(identifier.issuingCountry())).build()));
        return numbers;
    }

    static ScreeningSummary.Hit hit(Match match) {
        return new ScreeningSummary.Hit(match.getPartyReference(), match.getEntryKey(), match.getSourcesList(),
                match.getScore(), match.getMatchedName(), match.getExplanation().getSummary(), match.getNameScore(),
                match.getAddressOnly(), match.getExplanation().getFactsList().stream()
                        .map(fact -> new ScreeningSummary.Fact(fact.getFact(),
                                fact.getOutcome() == FactOutcome.FACT_OUTCOME_AGREES, fact.getQueryValue(),
                                fact.getListValue(), fact.getConclusive()))
                        .toList());
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
