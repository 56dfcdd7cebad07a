package io.tenantgate.screening.grpc;

import com.google.protobuf.Timestamp;
import io.tenantgate.proto.screening.v1.FactEvidence;
import io.tenantgate.proto.screening.v1.FactOutcome;
import io.tenantgate.proto.screening.v1.IdentityNumber;
import io.tenantgate.proto.screening.v1.Match;
import io.tenantgate.proto.screening.v1.Ownership;
import io.tenantgate.proto.screening.v1.Party;
import io.tenantgate.proto.screening.v1.PartyKind;
import io.tenantgate.proto.screening.v1.ScreenRequest;
import io.tenantgate.proto.screening.v1.ScreenResponse;
import io.tenantgate.screening.lists.ListChanges;
import io.tenantgate.screening.screening.LastMapped;
import io.tenantgate.screening.screening.ScreeningOutcome;
import io.tenantgate.screening.screening.ScreeningRequest;

import java.time.OffsetDateTime;
import java.util.List;

/** Converts between the gRPC contract and the service's own types; gRPC types go no further than here. */
final class ProtoMapping {

    private ProtoMapping() {
    }

    static ScreeningRequest toRequest(ScreenRequest request) {
        return new ScreeningRequest(request.hasParty() ? toParty(request.getParty()) : null,
                request.getMinScore() == 0 ? null : request.getMinScore(),
                request.getLimit() == 0 ? null : request.getLimit(),
                request.getSourcesList());
    }

    static ScreeningRequest.Party toParty(Party party) {
        return new ScreeningRequest.Party(party.getReference().isEmpty() ? null : party.getReference(),
                kind(party.getKind()), party.getNamesList(),
                party.getAddressesList().stream().map(a -> new ScreeningRequest.Address(a.getLinesList(),
                        emptyToNull(a.getCity()), emptyToNull(a.getRegion()), emptyToNull(a.getPostalCode()),
                        emptyToNull(a.getCountry()))).toList(),
                party.getCountriesList(),
                party.getDatesList().stream().map(d -> new ScreeningRequest.Date(d.getYear(), d.getMonth(), d.getDay())).toList(),
                party.getIdentityNumbersList().stream().map(ProtoMapping::identityNumber).toList(),
                party.getOwnersList().stream().map(ProtoMapping::owner).toList());
    }

    private static ScreeningRequest.IdentityNumber identityNumber(IdentityNumber id) {
        return new ScreeningRequest.IdentityNumber(emptyToNull(id.getType()), id.getNumber(),
                emptyToNull(id.getIssuingCountry()));
    }

    private static ScreeningRequest.Owner owner(Ownership ownership) {
        return new ScreeningRequest.Owner(ownership.hasOwner() ? toParty(ownership.getOwner()) : null,
                ownership.getPercentage(), ownership.getControl());
    }

    private static ScreeningRequest.Kind kind(PartyKind kind) {
        return switch (kind) {
            case PARTY_KIND_PERSON -> ScreeningRequest.Kind.PERSON;
            case PARTY_KIND_ORGANIZATION -> ScreeningRequest.Kind.ORGANIZATION;
            case PARTY_KIND_VESSEL -> ScreeningRequest.Kind.VESSEL;
            case PARTY_KIND_AIRCRAFT -> ScreeningRequest.Kind.AIRCRAFT;
            case PARTY_KIND_ADDRESS -> ScreeningRequest.Kind.ADDRESS;
            case PARTY_KIND_UNSPECIFIED, UNRECOGNIZED -> null;
        };
    }

    static ScreenResponse toResponse(ScreeningOutcome outcome) {
        ScreenResponse.Builder response = ScreenResponse.newBuilder().setThreshold(outcome.threshold())
                .setListChangeId(outcome.listChangeId());
        outcome.matches().forEach(m -> response.addMatches(match(m)));
        outcome.ownershipFindings().forEach(f -> response.addOwnershipFindings(
                io.tenantgate.proto.screening.v1.OwnershipFinding.newBuilder()
                        .setRule(f.rule()).setPartyReference(f.partyReference())
                        .setAggregatePercentage(f.aggregatePercentage())
                        .addAllChains(f.chains().stream().map(c -> io.tenantgate.proto.screening.v1.OwnershipChain
                                .newBuilder().addAllPartyReferences(c.partyReferences())
                                .setEffectivePercentage(c.effectivePercentage()).setControl(c.control())
                                .setEntryKey(nullToEmpty(c.entryKey())).build()).toList())));
        outcome.jurisdictionFindings().forEach(f -> response.addJurisdictionFindings(
                io.tenantgate.proto.screening.v1.JurisdictionFinding.newBuilder()
                        .setPartyReference(f.partyReference()).setCountry(f.country()).setBasis(f.basis())));
        return response.addAllListVersions(LIST_VERSIONS.get(outcome.listVersions())).build();
    }

    /** Answers share one list of versions per active snapshot, so its messages are built once. */
    private static final LastMapped<List<ScreeningOutcome.ListVersionUsed>, List<io.tenantgate.proto.screening.v1.ListVersion>>
            LIST_VERSIONS = new LastMapped<>(versions -> versions.stream().map(v -> listVersion(v.source(), v.version(),
                    v.checksum(), v.entryCount(), v.origin(), v.importedAt())).toList());

    static Match match(ScreeningOutcome.PartyMatch m) {
        ScreeningOutcome.Explanation e = m.explanation();
        return Match.newBuilder()
                .setPartyReference(m.partyReference()).setEntryKey(m.entryKey()).addAllSources(m.sources())
                .setEntityNumber(nullToEmpty(m.entityNumber())).setEntryType(m.entryType())
                .setPrimaryName(m.primaryName()).setMatchedName(m.matchedName())
                .setScore(m.score()).setNameScore(m.nameScore()).addAllPrograms(m.programs())
                .setLicenseRequirement(nullToEmpty(m.licenseRequirement()))
                .setLicensePolicy(nullToEmpty(m.licensePolicy()))
                .setFederalRegisterNotice(nullToEmpty(m.federalRegisterNotice()))
                .setAddressOnly(m.addressOnly())
                .setExplanation(io.tenantgate.proto.screening.v1.Explanation.newBuilder()
                        .setQueryName(e.queryName()).setListName(e.listName()).setSummary(e.summary())
                        .addAllTokenPairs(e.tokenPairs().stream().map(p -> io.tenantgate.proto.screening.v1.TokenPair
                                .newBuilder().setQueryToken(nullToEmpty(p.queryToken()))
                                .setListToken(nullToEmpty(p.listToken())).setScore(p.score())
                                .setMethod(p.method()).build()).toList())
                        .addAllFacts(e.facts().stream().map(f -> FactEvidence.newBuilder()
                                .setFact(f.fact()).setQueryValue(nullToEmpty(f.queryValue()))
                                .setListValue(nullToEmpty(f.listValue())).setWeight(f.weight()).setConclusive(f.conclusive())
                                .setOutcome(f.weight() >= 0 ? FactOutcome.FACT_OUTCOME_AGREES
                                        : FactOutcome.FACT_OUTCOME_CONFLICTS).build()).toList()))
                .build();
    }

    static io.tenantgate.proto.screening.v1.ListChange listChange(ListChanges.ListChange change) {
        ListChanges.ListChange.Version v = change.version();
        return io.tenantgate.proto.screening.v1.ListChange.newBuilder()
                .setChangeId(change.id())
                .setVersion(listVersion(v.source(), v.number(), v.checksum(), v.entryCount(), v.origin(), v.importedAt()))
                .addAllAddedKeys(change.added()).addAllChangedKeys(change.changed())
                .addAllRemovedKeys(change.removed())
                .build();
    }

    static io.tenantgate.proto.screening.v1.ListVersion listVersion(String source, long version, String checksum,
                                                                   int entryCount, String origin,
                                                                   OffsetDateTime importedAt) {
        return io.tenantgate.proto.screening.v1.ListVersion.newBuilder()
                .setSource(source).setVersion(version).setChecksum(checksum).setEntryCount(entryCount)
                .setOrigin(origin).setImportedAt(timestamp(importedAt)).build();
    }

    static Timestamp timestamp(OffsetDateTime time) {
        return Timestamp.newBuilder().setSeconds(time.toEpochSecond()).setNanos(time.getNano()).build();
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
