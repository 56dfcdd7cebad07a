package io.tenantgate.screening.engine.index;

import io.tenantgate.screening.engine.match.AddressComparison;
import io.tenantgate.screening.engine.match.ComparableName;
import io.tenantgate.screening.engine.match.NameScore;
import io.tenantgate.screening.engine.match.NameScorer;
import io.tenantgate.screening.engine.model.Entry;
import io.tenantgate.screening.engine.model.Identifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

/**
 * Screens parties against a fixed set of list entries. Built once per list version and immutable, so
 * it is thread-safe and a service swaps in a new engine atomically when the lists change.
 */
public final class ScreeningEngine {

    public static final int DEFAULT_LIMIT = 10;

    private final List<Entry> entries;
    private final EngineSettings settings;
    private final ComparableName[] names;
    private final int[] entryOfName;
    private final int[][] namesOfEntry;
    private final NameIndex index;
    private final Map<String, int[]> entriesById;
    private final int[] addressOnlyEntries;

    private ScreeningEngine(List<Entry> entries, EngineSettings settings) {
        this.entries = List.copyOf(entries);
        this.settings = settings;
        List<ComparableName> allNames = new ArrayList<>();
        List<Integer> owners = new ArrayList<>();
        this.namesOfEntry = new int[entries.size()][];
        Map<String, IntList> byId = new HashMap<>();
        IntList addressOnly = new IntList();
        for (int e = 0; e < entries.size(); e++) {
            Entry entry = entries.get(e);
            int first = allNames.size();
            for (String name : entry.allNames()) {
                allNames.add(ComparableName.of(name, entry.type()));
                owners.add(e);
            }
            namesOfEntry[e] = IntStream.range(first, allNames.size()).toArray();
            for (Identifier id : entry.ids()) {
                String number = FactScorer.normalizedNumber(id.number());
                if (!number.isEmpty()) {
                    byId.computeIfAbsent(number, key -> new IntList()).addDistinct(e);
                }
            }
            if (entry.addressOnly()) {
                addressOnly.add(e);
            }
        }
        this.names = allNames.toArray(ComparableName[]::new);
        this.entryOfName = owners.stream().mapToInt(Integer::intValue).toArray();
        this.index = NameIndex.build(allNames);
        Map<String, int[]> ids = new HashMap<>();
        byId.forEach((number, list) -> ids.put(number, list.toArray()));
        this.entriesById = Map.copyOf(ids);
        this.addressOnlyEntries = addressOnly.toArray();
    }

    public static ScreeningEngine build(Collection<Entry> entries, EngineSettings settings) {
        return new ScreeningEngine(List.copyOf(entries), settings);
    }

    /**
     * Completes when the index has looked up every list word once in the background (about a second after
     * the build; see {@code NameIndex}). The engine screens before that too, with the same results, more slowly.
     */
    public CompletableFuture<Void> warmUp() {
        return index.warmUp();
    }

    /**
     * Says that a newer engine has replaced this one: its background warm-up stops instead of spending a core for
     * about a second on an index nobody will query much longer. Queries still in flight answer as before.
     */
    public void retire() {
        index.retire();
    }

    public EngineSettings settings() {
        return settings;
    }

    public int entryCount() {
        return entries.size();
    }

    public int nameCount() {
        return names.length;
    }

    public ScreeningResult screen(PartyQuery query) {
        return screen(query, settings.defaultThreshold(), DEFAULT_LIMIT);
    }

    /** Entries scoring at least {@code minScore}, best first, at most {@code limit}. */
    public ScreeningResult screen(PartyQuery query, double minScore, int limit) {
        return screen(query, minScore, limit, false);
    }

    /** Same result as {@link #screen(PartyQuery, double, int)} by scoring every list name; for tests and benchmarks. */
    public ScreeningResult screenBruteForce(PartyQuery query, double minScore, int limit) {
        return screen(query, minScore, limit, true);
    }

    private ScreeningResult screen(PartyQuery query, double minScore, int limit, boolean bruteForce) {
        ComparableName queryName = ComparableName.of(query.name(), query.type());
        double nameThreshold = minScore - FactScorer.maxGainWithoutIds(query);
        Map<Integer, BestName> best = new HashMap<>();
        int namesScored;
        if (bruteForce) {
            namesScored = names.length;
            for (int name = 0; name < names.length; name++) {
                consider(name, NameScorer.score(queryName, names[name]), nameThreshold, best);
            }
        } else {
            NameIndex.Candidates candidates = index.candidates(queryName, nameThreshold);
            namesScored = candidates.ids().length;
            for (int name : candidates.ids()) {
                double score = NameScorer.score(queryName, names[name], candidates.similarities(queryName, name));
                consider(name, score, nameThreshold, best);
            }
        }
        // an entry with a queried number is weighed whatever its names score: the number may decide alone
        for (int entry : entriesWithQueriedIds(query)) {
            BestName bestOfEntry = new BestName(namesOfEntry[entry][0], 0);
            for (int name : namesOfEntry[entry]) {
                double score = NameScorer.score(queryName, names[name]);
                bestOfEntry = score > bestOfEntry.score() ? new BestName(name, score) : bestOfEntry;
            }
            best.merge(entry, bestOfEntry, (a, b) -> a.score() >= b.score() ? a : b);
        }
        List<FactScored> scored = new ArrayList<>();
        best.forEach((entry, name) -> withFacts(query, entry, name, minScore, scored));
        scored.sort(BY_SCORE_THEN_KEY);
        // explaining a match compares its words again: only those returned are explained
        List<Match> matches = new ArrayList<>();
        for (FactScored match : scored.subList(0, Math.min(limit, scored.size()))) {
            matches.add(explained(queryName, match));
        }
        addressMatches(query, minScore, scored, matches);
        matches.sort(Comparator.comparingDouble(Match::score).reversed().thenComparing(Match::key));
        boolean concern = query.countries().stream().anyMatch(settings.jurisdictionsOfConcern()::contains);
        return new ScreeningResult(matches.subList(0, Math.min(limit, matches.size())), concern, namesScored);
    }

    private void consider(int name, double score, double nameThreshold, Map<Integer, BestName> best) {
        if (score >= nameThreshold && score > 0) {
            best.merge(entryOfName[name], new BestName(name, score), (a, b) -> a.score() >= b.score() ? a : b);
        }
    }

    /** An entry's best name with the score its other facts make of it, and those facts. */
    private record FactScored(Entry entry, BestName name, List<FactEvidence> facts, double score) {
    }

    private static final Comparator<FactScored> BY_SCORE_THEN_KEY = Comparator.comparingDouble(FactScored::score)
            .reversed().thenComparing(match -> match.entry().key());

    private void withFacts(PartyQuery query, int entry, BestName best, double minScore, List<FactScored> scored) {
        List<FactEvidence> facts = FactScorer.evidence(query, entries.get(entry),
                !names[best.name()].normalized().legalForms().isEmpty());
        double score = clamp(best.score() + facts.stream().mapToDouble(FactEvidence::weight).sum());
        if (score >= minScore) {
            scored.add(new FactScored(entries.get(entry), best, facts, score));
        }
    }

    private Match explained(ComparableName queryName, FactScored match) {
        ComparableName listed = names[match.name().name()];
        NameScore explained = NameScorer.explain(queryName, listed);
        return Match.of(match.entry(), match.score(), listed.normalized().original(),
                new Explanation(queryName.normalized().text(), listed.normalized().text(), match.name().score(),
                        explained.pairs(), match.facts()));
    }

    private List<Integer> entriesWithQueriedIds(PartyQuery query) {
        List<Integer> found = new ArrayList<>();
        for (Identifier id : query.ids()) {
            for (int entry : entriesById.getOrDefault(FactScorer.normalizedNumber(id.number()), new int[0])) {
                found.add(entry);
            }
        }
        return found;
    }

    /** Entity List addresses of high diversion risk match on the address alone, unless matched by name. */
    private void addressMatches(PartyQuery query, double minScore, List<FactScored> nameMatches, List<Match> matches) {
        if (query.address() == null || query.address().isBlank()) {
            return;
        }
        for (int e : addressOnlyEntries) {
            Entry entry = entries.get(e);
            double score = AddressComparison.score(query.address(), entry.name());
            if (score >= minScore && nameMatches.stream().noneMatch(match -> match.entry() == entry)) {
                matches.add(Match.of(entry, score, entry.name(), new Explanation(query.address(), entry.name(), 0,
                        List.of(), List.of(new FactEvidence("address", query.address(), entry.name(), score)))));
            }
        }
    }

    private static double clamp(double score) {
        return Math.max(0, Math.min(1, score));
    }

    private record BestName(int name, double score) {
    }
}
