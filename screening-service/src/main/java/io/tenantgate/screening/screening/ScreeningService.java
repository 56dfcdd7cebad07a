package io.tenantgate.screening.screening;

import io.tenantgate.common.problem.ProblemException;
import io.tenantgate.screening.config.ScreeningConfig;
import io.tenantgate.screening.engine.index.FactEvidence;
import io.tenantgate.screening.engine.index.Match;
import io.tenantgate.screening.engine.index.PartyQuery;
import io.tenantgate.screening.engine.index.ScreeningEngine;
import io.tenantgate.screening.engine.match.TokenPair;
import io.tenantgate.screening.engine.model.EntryType;
import io.tenantgate.screening.engine.model.Identifier;
import io.tenantgate.screening.engine.model.ListSource;
import io.tenantgate.screening.engine.model.PartialDate;
import io.tenantgate.screening.engine.ownership.OwnershipAnalyzer;
import io.tenantgate.screening.engine.ownership.OwnershipChain;
import io.tenantgate.screening.engine.ownership.OwnershipLink;
import io.tenantgate.screening.engine.ownership.OwnershipReport;
import io.tenantgate.screening.index.ActiveIndex;
import io.tenantgate.screening.screening.ScreeningOutcome.PartyMatch;
import io.tenantgate.screening.screening.ScreeningRequest.Party;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import io.tenantgate.common.validation.ScreeningLimits;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Screens a party and every owner behind it against the active index, then looks through the ownership:
 * a listed owner with 25 % or control, and listed ownership of 50 % or more in aggregate at any depth.
 */
@ApplicationScoped
public class ScreeningService {

    static final int MAX_DEPTH = ScreeningLimits.OWNERSHIP_DEPTH;
    static final int MAX_PARTIES = ScreeningLimits.PARTIES_PER_REQUEST;

    private final ActiveIndex index;
    private final ScreeningConfig config;
    /** The versions a snapshot screens against: one list per snapshot, so every answer shares it. */
    private final LastMapped<ActiveIndex.Snapshot, List<ScreeningOutcome.ListVersionUsed>> versionsUsed =
            new LastMapped<>(snapshot -> snapshot.versions().stream()
                    .map(v -> new ScreeningOutcome.ListVersionUsed(v.source, v.version, v.checksum, v.entryCount,
                            v.importedAt, v.origin)).toList());

    public ScreeningService(ActiveIndex index, ScreeningConfig config) {
        this.index = index;
        this.config = config;
    }

    /** Validates the request (a 400 problem naming every bad field), then screens it. */
    public ScreeningOutcome screen(ScreeningRequest request) {
        request.validate();
        ActiveIndex.Snapshot snapshot = index.current();
        double threshold = request.minScore() == null ? config.defaultThreshold() : request.minScore();
        int limit = request.limit() == null ? config.maxResults() : request.limit();
        Set<ListSource> sources = sources(request.sources());

        Map<String, Party> parties = new LinkedHashMap<>();
        List<OwnershipLink> links = new ArrayList<>();
        String root = flatten(request.party(), "party", "root", new java.util.ArrayDeque<>(), parties, links);

        List<PartyMatch> matches = new ArrayList<>();
        Map<String, String> listedEntry = new HashMap<>();
        parties.forEach((reference, party) -> {
            List<PartyMatch> found = screenParty(snapshot.engine(), reference, party, threshold, limit, sources);
            if (!found.isEmpty()) {
                listedEntry.put(reference, found.get(0).entryKey());
            }
            matches.addAll(found);
        });
        matches.sort(Comparator.comparingDouble(PartyMatch::score).reversed());

        Map<String, String> countryOf = new HashMap<>();
        parties.forEach((reference, party) -> party.countries().stream().findFirst()
                .ifPresent(country -> countryOf.put(reference, country)));
        OwnershipReport report = new OwnershipAnalyzer(links, listedEntry::containsKey, countryOf,
                config.jurisdictionsOfConcern()).analyze(root);

        return new ScreeningOutcome(matches, ownershipFindings(root, report, listedEntry),
                jurisdictionFindings(parties), versionsUsed.get(snapshot), threshold, snapshot.changeId());
    }

    /** The threshold applied when a request names none. */
    public double defaultThreshold() {
        return config.defaultThreshold();
    }

    /**
     * Screens one party on its own (its owners are not looked at) against the given engine, for example one
     * over a list change's delta; every source counts, at most the configured number of matches.
     */
    public List<PartyMatch> screenAlone(ScreeningEngine engine, String reference, Party party, double threshold) {
        return screenParty(engine, reference, party, threshold, config.maxResults(), EnumSet.allOf(ListSource.class));
    }

    /**
     * Gives every party of the tree a reference (its own, or its path) and collects the ownership links. The
     * same reference in two branches is one party holding shares along two paths; a reference under itself
     * is a cycle, which no real ownership structure has.
     */
    private String flatten(Party party, String path, String fallbackReference, java.util.Deque<String> ancestors,
                           Map<String, Party> parties, List<OwnershipLink> links) {
        if (ancestors.size() > MAX_DEPTH) {
            throw ProblemException.invalidField(path, "ownership deeper than " + MAX_DEPTH + " levels");
        }
        if (party.names().isEmpty() && (party.kind() != ScreeningRequest.Kind.ADDRESS || party.addresses().isEmpty())) {
            throw ProblemException.invalidField(path + ".names", "at least one name is required (an address party needs an address)");
        }
        String reference = party.reference() == null || party.reference().isBlank() ? fallbackReference : party.reference();
        if (ancestors.contains(reference)) {
            throw ProblemException.invalidField(path + ".reference", "ownership cycle: '" + reference
                    + "' owns itself through " + String.join(" <- ", ancestors));
        }
        if (parties.putIfAbsent(reference, party) != null) {
            return reference;
        }
        if (parties.size() > MAX_PARTIES) {
            throw ProblemException.invalidField(path, "more than " + MAX_PARTIES + " parties in one request");
        }
        ancestors.push(reference);
        for (int i = 0; i < party.owners().size(); i++) {
            ScreeningRequest.Owner owner = party.owners().get(i);
            String ownerPath = path + ".owners[" + i + "]";
            String ownerReference = flatten(owner.owner(), ownerPath + ".owner", reference + "/owner" + i, ancestors,
                    parties, links);
            links.add(new OwnershipLink(ownerReference, reference, owner.percentage(), owner.control()));
        }
        ancestors.pop();
        return reference;
    }

    private static List<PartyMatch> screenParty(ScreeningEngine engine, String reference, Party party, double threshold,
                                                int limit, Set<ListSource> sources) {
        PartialDate date = party.dates().stream().findFirst()
                .map(d -> new PartialDate(d.year(), d.month(), d.day())).orElse(null);
        List<Identifier> ids = party.identityNumbers().stream()
                .map(id -> new Identifier(id.type(), id.number(), id.issuingCountry())).toList();
        String address = party.addresses().stream().map(ScreeningRequest.Address::text)
                .filter(text -> !text.isBlank()).findFirst().orElse(null);
        List<String> names = party.names().isEmpty() ? List.of(address) : party.names();

        Map<String, Match> best = new LinkedHashMap<>();
        for (String name : names) {
            PartyQuery query = new PartyQuery(name, entryType(party.kind()), party.countries(), date, ids, address);
            for (Match match : engine.screen(query, threshold, limit).matches()) {
                if (match.sources().stream().anyMatch(sources::contains)) {
                    best.merge(match.key(), match, (a, b) -> a.score() >= b.score() ? a : b);
                }
            }
        }
        return best.values().stream()
                .sorted(Comparator.comparingDouble(Match::score).reversed())
                .limit(limit)
                .map(match -> toPartyMatch(reference, match))
                .toList();
    }

    private static PartyMatch toPartyMatch(String reference, Match match) {
        var entry = match.entry();
        var explanation = match.explanation();
        List<ScreeningOutcome.TokenPair> pairs = explanation.tokenPairs().stream()
                .map(ScreeningService::tokenPair).toList();
        List<ScreeningOutcome.Fact> facts = explanation.facts().stream()
                .map(f -> new ScreeningOutcome.Fact(f.fact().replace(' ', '_'), f.queryValue(), f.listValue(), f.weight(),
                        f.conclusive()))
                .toList();
        String summary = "'" + explanation.normalizedQuery() + "' matched " + match.key() + " name '"
                + match.matchedName() + "' with name score " + fixed(explanation.nameScore(), 3)
                + (facts.isEmpty() ? "" : facts.stream().map(ScreeningService::describe)
                        .collect(Collectors.joining(", ", " (", ")")))
                + "; final " + fixed(match.score(), 3);
        return new PartyMatch(reference, match.key(),
                match.sources().stream().map(Enum::name).sorted().toList(), match.entityNumber(),
                entry.type().name().toLowerCase(Locale.ROOT), entry.name(), match.matchedName(), match.score(),
                explanation.nameScore(), match.programs(), entry.licenseRequirement(), entry.licensePolicy(),
                entry.federalRegisterNotice(), entry.addressOnly(),
                new ScreeningOutcome.Explanation(explanation.normalizedQuery(), explanation.normalizedListName(),
                        pairs, facts, summary));
    }

    private static ScreeningOutcome.TokenPair tokenPair(TokenPair pair) {
        return new ScreeningOutcome.TokenPair(pair.queryToken(), pair.listToken(), pair.score(),
                pair.method().name().toLowerCase(Locale.ROOT).replace('_', '-'));
    }

    private static String describe(ScreeningOutcome.Fact fact) {
        return fact.fact() + (fact.weight() >= 0 ? " agrees +" : " conflicts ") + fixed(fact.weight(), 2);
    }

    /** The value with exactly {@code places} decimals, as {@code %.3f} prints it, without a Formatter per match. */
    static String fixed(double value, int places) {
        return new BigDecimal(value).setScale(places, RoundingMode.HALF_UP).toPlainString();
    }

    private static List<ScreeningOutcome.OwnershipFinding> ownershipFindings(String root, OwnershipReport report,
                                                                              Map<String, String> listedEntry) {
        List<ScreeningOutcome.OwnershipFinding> findings = new ArrayList<>();
        List<ScreeningOutcome.Chain> significant = report.significantOwners().stream()
                .filter(chain -> chain.parties().size() > 1)
                .map(chain -> chain(chain, listedEntry)).toList();
        if (!significant.isEmpty()) {
            findings.add(new ScreeningOutcome.OwnershipFinding("LISTED_OWNER", root, report.aggregatePercent(), significant));
        }
        if (report.blockedByAggregate()) {
            findings.add(new ScreeningOutcome.OwnershipFinding("AGGREGATE_50", root, report.aggregatePercent(),
                    report.listedChains().stream().map(chain -> chain(chain, listedEntry)).toList()));
        }
        return findings;
    }

    /** The analyzer lists a chain from the listed owner down; findings read from the screened party up. */
    private static ScreeningOutcome.Chain chain(OwnershipChain chain, Map<String, String> listedEntry) {
        List<String> upwards = new ArrayList<>(chain.parties());
        java.util.Collections.reverse(upwards);
        return new ScreeningOutcome.Chain(upwards, chain.effectivePercent(), chain.controlled(),
                listedEntry.get(chain.listedParty()));
    }

    private List<ScreeningOutcome.JurisdictionFinding> jurisdictionFindings(Map<String, Party> parties) {
        Set<String> concern = config.jurisdictionsOfConcern();
        List<ScreeningOutcome.JurisdictionFinding> findings = new ArrayList<>();
        parties.forEach((reference, party) -> {
            party.countries().stream().filter(concern::contains).distinct()
                    .forEach(c -> findings.add(new ScreeningOutcome.JurisdictionFinding(reference, c, "country")));
            party.addresses().stream().map(ScreeningRequest.Address::country).filter(concern::contains).distinct()
                    .forEach(c -> findings.add(new ScreeningOutcome.JurisdictionFinding(reference, c, "address")));
            party.identityNumbers().stream().map(ScreeningRequest.IdentityNumber::issuingCountry)
                    .filter(concern::contains).distinct()
                    .forEach(c -> findings.add(new ScreeningOutcome.JurisdictionFinding(reference, c, "identity_number")));
        });
        return findings;
    }

    private static Set<ListSource> sources(List<String> requested) {
        if (requested == null || requested.isEmpty()) {
            return EnumSet.allOf(ListSource.class);
        }
        Set<ListSource> sources = EnumSet.noneOf(ListSource.class);
        for (int i = 0; i < requested.size(); i++) {
            try {
                sources.add(ListSource.valueOf(requested.get(i).toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException unknown) {
                throw ProblemException.invalidField("sources[" + i + "]", "unknown list source; one of "
                        + EnumSet.allOf(ListSource.class));
            }
        }
        return sources;
    }

    private static EntryType entryType(ScreeningRequest.Kind kind) {
        if (kind == null) {
            return EntryType.UNKNOWN;
        }
        return switch (kind) {
            case PERSON -> EntryType.INDIVIDUAL;
            case ORGANIZATION -> EntryType.ENTITY;
            case VESSEL -> EntryType.VESSEL;
            case AIRCRAFT -> EntryType.AIRCRAFT;
            case ADDRESS -> EntryType.ADDRESS;
        };
    }
}
