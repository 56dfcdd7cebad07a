package io.tenantgate.suite.simulation;

import io.tenantgate.decision.person.PersonDeterminer;
import io.tenantgate.decision.person.PersonFacts;
import io.tenantgate.decision.risk.Decision;
import io.tenantgate.decision.risk.ListHit;
import io.tenantgate.decision.risk.RiskAssessment;
import io.tenantgate.decision.risk.RiskEngine;
import io.tenantgate.decision.risk.RiskInput;
import io.tenantgate.decision.risk.RiskSettings;
import io.tenantgate.decision.risk.Screening;
import io.tenantgate.decision.signals.CountrySignal;
import io.tenantgate.decision.signals.SignalSource;
import io.tenantgate.screening.engine.index.Match;
import io.tenantgate.screening.engine.index.PartyQuery;
import io.tenantgate.screening.engine.index.ScreeningEngine;
import io.tenantgate.screening.engine.model.Countries;
import io.tenantgate.screening.engine.model.EntryType;
import io.tenantgate.screening.engine.model.PartialDate;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Policy simulation: screens every row of a customer file against the lists in this process and decides it with
 * the decision engine, as identity-service would for a sign-up with those facts. What the file does not carry
 * (addresses, documents, contact checks, owners) is neither required nor weighed. One bad row never stops the
 * file: a value that cannot be read is treated as absent and counted, and a row without a name asks for it.
 */
public final class DecisionSimulation {

    /** One decided row, numbered from 1 after the header. */
    public record Outcome(int row, Decision decision, List<String> reasons, boolean listMatch) {
    }

    /**
     * @param unreadable per column, how many values could not be read and were treated as absent
     */
    public record Result(List<Outcome> outcomes, Map<Decision, Integer> counts, int reviewsWithListMatch,
                         Map<String, Integer> unreadable) {

        /** The line a script reads: {@code people=N approved=A review=R rejected=J pending_info=P}. */
        public String summaryLine() {
            return "people=" + outcomes.size() + " approved=" + count(Decision.APPROVED) + " review="
                    + count(Decision.REVIEW) + " rejected=" + count(Decision.REJECTED) + " pending_info="
                    + count(Decision.PENDING_INFO);
        }

        public int count(Decision decision) {
            return counts.getOrDefault(decision, 0);
        }
    }

    private final ScreeningEngine screening;
    private final double threshold;
    private final RiskEngine risk;
    private final PersonDeterminer persons;

    public DecisionSimulation(ScreeningEngine screening, double threshold, RiskSettings settings) {
        this.screening = screening;
        this.threshold = threshold;
        this.risk = new RiskEngine(settings);
        this.persons = new PersonDeterminer(settings.ownerExposurePercent());
    }

    public Result run(List<Map<String, String>> rows) {
        List<Outcome> outcomes = new ArrayList<>(rows.size());
        Map<Decision, Integer> counts = new EnumMap<>(Decision.class);
        Map<String, Integer> unreadable = new java.util.TreeMap<>();
        int reviewsWithListMatch = 0;
        for (int i = 0; i < rows.size(); i++) {
            Outcome outcome = decide(i + 1, rows.get(i), unreadable);
            outcomes.add(outcome);
            counts.merge(outcome.decision(), 1, Integer::sum);
            reviewsWithListMatch += outcome.decision() == Decision.REVIEW && outcome.listMatch() ? 1 : 0;
        }
        return new Result(outcomes, counts, reviewsWithListMatch, unreadable);
    }

    private Outcome decide(int number, Map<String, String> row, Map<String, Integer> unreadable) {
        String name = value(row, "full_name");
        Optional<PartialDate> date = read(row, "date_of_birth", PartialDate::parse, unreadable);
        Optional<String> nationality = read(row, "nationality", Countries::toIso, unreadable);
        Optional<String> country = read(row, "country", Countries::toIso, unreadable);
        Optional<EntryType> kind = read(row, "kind", DecisionSimulation::kind, unreadable);
        boolean organisation = kind.orElse(EntryType.INDIVIDUAL) == EntryType.ENTITY;
        Set<String> countries = new LinkedHashSet<>();
        nationality.ifPresent(countries::add);
        country.ifPresent(countries::add);

        List<CountrySignal> signals = country.map(c -> List.of(new CountrySignal(SignalSource.ADDRESS, c, "country")))
                .orElse(List.of());
        PersonFacts facts = organisation
                ? PersonFacts.organisation(nationality.or(() -> country).orElse(null), signals, List.of())
                : PersonFacts.individual(nationality.map(Set::of).orElse(Set.of()), false, signals);
        List<ListHit> hits = name == null ? List.of() : screening.screen(new PartyQuery(name,
                        organisation ? EntryType.ENTITY : EntryType.INDIVIDUAL, List.copyOf(countries), date.orElse(null),
                        List.of(), null), threshold, ScreeningEngine.DEFAULT_LIMIT)
                .matches().stream().map(match -> hit(match, organisation)).toList();
        Screening screened = new Screening(Set.of("customer"), name == null ? Set.of() : Set.of("customer"), hits);
        RiskAssessment assessment = risk.assess(new RiskInput(facts, persons.determine(facts), List.of(), screened,
                Optional.empty(), name == null ? List.of("full_name") : List.of()));
        return new Outcome(number, assessment.decision(), assessment.reasons(), !hits.isEmpty());
    }

    /** A match as screening-service would send it to identity-service. */
    static ListHit hit(Match match, boolean organisation) {
        return new ListHit("customer", organisation, match.key(), match.sources().stream().map(Enum::name).sorted().toList(),
                match.matchedName(), match.score(), match.explanation().nameScore(), match.entry().addressOnly(),
                match.explanation().facts().stream().map(fact -> new ListHit.HitFact(fact.fact(), fact.weight() >= 0,
                        fact.queryValue(), fact.listValue(), fact.conclusive())).toList());
    }

    private static Optional<EntryType> kind(String text) {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "person", "individual" -> Optional.of(EntryType.INDIVIDUAL);
            case "organization", "organisation", "entity" -> Optional.of(EntryType.ENTITY);
            default -> Optional.empty();
        };
    }

    private static <T> Optional<T> read(Map<String, String> row, String column,
                                        java.util.function.Function<String, Optional<T>> parse,
                                        Map<String, Integer> unreadable) {
        String text = value(row, column);
        if (text == null) {
            return Optional.empty();
        }
        Optional<T> parsed = parse.apply(text);
        if (parsed.isEmpty()) {
            unreadable.merge(column, 1, Integer::sum);
        }
        return parsed;
    }

    private static String value(Map<String, String> row, String column) {
        String text = row.get(column);
        return text == null || text.isBlank() ? null : text.strip();
    }
}
