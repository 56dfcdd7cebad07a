package io.tenantgate.screening.engine.ownership;

import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Looks through the owners of a party at any depth. Effective ownership along a chain is the product of
 * its percentages; a chain stops at the first listed party, whose whole effective share counts as listed
 * ownership. Shares of all chains are summed for the 50 % aggregate.
 */
public final class OwnershipAnalyzer {

    public static final double SIGNIFICANT_PERCENT = 25.0;
    public static final double AGGREGATE_PERCENT = 50.0;
    private static final double MAJORITY = 50.0;

    private final Map<String, List<OwnershipLink>> ownersOf = new HashMap<>();
    private final Predicate<String> listed;
    private final Map<String, String> countryOf;
    private final Set<String> jurisdictionsOfConcern;

    /**
     * @param links every declared ownership link
     * @param listed whether a party is on a list (typically: screened with a hit)
     * @param countryOf ISO country per party, where known
     */
    public OwnershipAnalyzer(Collection<OwnershipLink> links, Predicate<String> listed, Map<String, String> countryOf,
                             Set<String> jurisdictionsOfConcern) {
        links.forEach(link -> ownersOf.computeIfAbsent(link.owned(), key -> new ArrayList<>()).add(link));
        this.listed = listed;
        this.countryOf = Map.copyOf(countryOf);
        this.jurisdictionsOfConcern = Set.copyOf(jurisdictionsOfConcern);
        rejectCycles();
    }

    public OwnershipReport analyze(String party) {
        List<OwnershipChain> chains = new ArrayList<>();
        Set<String> concerns = new TreeSet<>();
        Deque<String> path = new ArrayDeque<>();
        path.push(party);
        walk(party, 100.0, true, path, chains, concerns);
        double aggregate = chains.stream().mapToDouble(OwnershipChain::effectivePercent).sum();
        List<OwnershipChain> significant = chains.stream()
                .filter(chain -> chain.effectivePercent() >= SIGNIFICANT_PERCENT || chain.controlled()).toList();
        return new OwnershipReport(chains, significant, aggregate, aggregate >= AGGREGATE_PERCENT, concerns);
    }

    private void walk(String party, double percent, boolean controlled, Deque<String> path,
                      List<OwnershipChain> chains, Set<String> concerns) {
        String country = countryOf.get(party);
        if (country != null && jurisdictionsOfConcern.contains(country)) {
            concerns.add(country);
        }
        for (OwnershipLink link : ownersOf.getOrDefault(party, List.of())) {
            double effective = percent * link.percent() / 100.0;
            boolean stillControlled = controlled && (link.control() || link.percent() > MAJORITY);
            path.push(link.owner());
            if (listed.test(link.owner())) {
                chains.add(new OwnershipChain(new ArrayList<>(path), effective, stillControlled));
            } else {
                walk(link.owner(), effective, stillControlled, path, chains, concerns);
            }
            path.pop();
        }
    }

    private void rejectCycles() {
        Map<String, Boolean> finished = new HashMap<>();
        for (String party : ownersOf.keySet()) {
            visit(party, finished, new ArrayList<>());
        }
    }

    /** Depth-first search; a party met again while still on the path closes a cycle. */
    private void visit(String party, Map<String, Boolean> finished, List<String> path) {
        Boolean done = finished.get(party);
        if (Boolean.TRUE.equals(done)) {
            return;
        }
        if (Boolean.FALSE.equals(done)) {
            List<String> cycle = new ArrayList<>(path.subList(path.indexOf(party), path.size()));
            cycle.add(party);
            throw new OwnershipCycleException(cycle);
        }
        finished.put(party, false);
        path.add(party);
        for (OwnershipLink link : ownersOf.getOrDefault(party, List.of())) {
            visit(link.owner(), finished, path);
        }
        path.remove(path.size() - 1);
        finished.put(party, true);
    }
}
