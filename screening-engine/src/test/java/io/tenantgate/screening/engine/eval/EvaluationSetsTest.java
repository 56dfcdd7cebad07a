package io.tenantgate.screening.engine.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantgate.screening.engine.index.EngineSettings;
import io.tenantgate.screening.engine.index.EvalFiles;
import io.tenantgate.screening.engine.index.SharedEngine;
import io.tenantgate.screening.engine.match.NameComparison;
import io.tenantgate.screening.engine.model.Entry;
import io.tenantgate.screening.engine.model.EntryType;
import io.tenantgate.screening.engine.normalize.NameNormalizer;
import io.tenantgate.screening.engine.normalize.NameToken;
import io.tenantgate.screening.engine.parse.BundledLists;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/**
 * Quality floors at the default threshold on the public evaluation sets (see EVALUATION.md for the full
 * figures). The floors sit just under the measured values, so a regression fails the build.
 */
class EvaluationSetsTest {

    private static final double THRESHOLD = EngineSettings.DEFAULT_THRESHOLD;
    private static final int NEGATIVE_SAMPLE = 10_000;

    @Test
    void labelledPairsF1() {
        PairEvaluation result = PairEvaluation.run(EvalFiles.rows("cases.csv"), THRESHOLD);
        assertThat(result.pairs()).isEqualTo(417);
        assertThat(result.f1()).isGreaterThanOrEqualTo(0.90);
        assertThat(result.precision()).isGreaterThanOrEqualTo(0.97);
    }

    @Test
    void crossScriptPairsWithoutAnyModel() throws IOException {
        CSVFormat format = CSVFormat.RFC4180.builder().setCommentMarker('#').setIgnoreEmptyLines(true).get();
        try (Reader reader = new InputStreamReader(getClass().getResourceAsStream("/eval/cross_script_pairs.csv"),
                StandardCharsets.UTF_8); CSVParser parser = CSVParser.parse(reader, format)) {
            List<CSVRecord> pairs = parser.getRecords();
            long matched = pairs.stream()
                    .filter(pair -> NameComparison.score(pair.get(0), pair.get(1), null) >= THRESHOLD).count();
            assertThat(pairs).hasSize(22);
            assertThat(matched).isGreaterThanOrEqualTo(16);
        }
    }

    @Test
    void rankingFollowsOfacSanctionsListSearch() {
        RankingAgreement agreement = RankingAgreement.run(EvalFiles.rows("ofac_fixtures.csv"));
        assertThat(agreement.overallSpearman()).isGreaterThan(0.62);
    }

    @Test
    void syntheticNegativesAreRarelyFlagged() {
        List<Map<String, String>> negatives = EvalFiles.rows("negatives_us.csv.gz").subList(0, NEGATIVE_SAMPLE);
        long hits = ScreenEvaluation.run(SharedEngine.get(), negatives, THRESHOLD).hits();
        assertThat((double) hits / negatives.size()).isLessThanOrEqualTo(0.002);
    }

    @Test
    void congressMembersAreRarelyFlagged() {
        List<Map<String, String>> members = EvalFiles.rows("positives_us_congress_untreated.csv");
        long hits = ScreenEvaluation.run(SharedEngine.get(), members, THRESHOLD).hits();
        assertThat((double) hits / members.size()).isLessThanOrEqualTo(0.0065); // 8 of 1,254: one more since nicknames (Bill Cassidy)
    }

    /** A UN-listed person whose name, as normalised, is a name on the bundled lists must be a hit. */
    @Test
    void unListedPersonsWhoseNameIsOnTheBundledListsAreAllFound() {
        Set<List<String>> listedNames = new HashSet<>();
        for (Entry entry : BundledLists.load()) {
            entry.allNames().forEach(name -> listedNames.add(sortedWords(name, entry.type())));
        }
        List<Map<String, String>> onList = EvalFiles.rows("positives_un_untreated.csv").stream()
                .filter(row -> listedNames.contains(sortedWords(row.get("full_name"), EntryType.INDIVIDUAL)))
                .toList();
        long hits = ScreenEvaluation.run(SharedEngine.get(), onList, THRESHOLD).hits();
        assertThat(onList).hasSizeGreaterThan(400);
        assertThat(hits).isEqualTo(onList.size());
    }

    private static List<String> sortedWords(String name, EntryType type) {
        return NameNormalizer.normalize(name, type).tokens().stream().map(NameToken::text).sorted().toList();
    }

    /** A row with a date or nationality that cannot be read is screened without it; a row that fails is named. */
    @Test
    void aBadRowNeverStopsTheFile() {
        List<Map<String, String>> rows = List.of(
                Map.of("full_name", "Ingeborg Abrahamsen", "date_of_birth", "1972-13-45", "nationality", "France"),
                Map.of("full_name", "Kathryn Barr", "date_of_birth", "0000", "nationality", "Atlantis"),
                Map.of("full_name", "Osama bin Laden", "date_of_birth", "circa 1957", "nationality", "sa"));
        ScreenEvaluation.Result result = ScreenEvaluation.run(SharedEngine.get(), rows, THRESHOLD);
        assertThat(result.lines()).hasSize(3);
        assertThat(result.unreadableDates()).isEqualTo(2);
        assertThat(result.unreadableNationalities()).isEqualTo(1);
        assertThat(result.errors()).isEmpty();
        assertThat(result.lines().get(2)).contains("\thit\t");
    }

    @Test
    void unListedPersonsAreFound() {
        List<Map<String, String>> persons = EvalFiles.rows("positives_un_untreated.csv");
        long hits = ScreenEvaluation.run(SharedEngine.get(), persons, THRESHOLD).hits();
        assertThat(hits).isGreaterThanOrEqualTo(538);
    }
}
