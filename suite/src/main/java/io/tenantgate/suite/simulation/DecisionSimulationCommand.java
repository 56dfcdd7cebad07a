package io.tenantgate.suite.simulation;

import io.tenantgate.decision.risk.Decision;
import io.tenantgate.decision.risk.RiskSettings;
import io.tenantgate.decision.risk.RiskSettingsProperties;
import io.tenantgate.screening.engine.eval.Arguments;
import io.tenantgate.screening.engine.eval.CsvTable;
import io.tenantgate.screening.engine.eval.EvaluationSplit;
import io.tenantgate.screening.engine.index.EngineSettings;
import io.tenantgate.screening.engine.index.ScreeningEngine;
import io.tenantgate.screening.engine.parse.BundledLists;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * {@code ./tenantgate eval decisions FILE.csv [--config FILE.properties] [--out RESULT.tsv] [--threshold T]
 * [--part tune|report|all]}: counts per decision, and as its last line
 * {@code people=N approved=A review=R rejected=J pending_info=P}.
 */
public final class DecisionSimulationCommand {

    public static final String USAGE = """
              eval decisions FILE.csv [--config FILE.properties] [--out RESULT.tsv] [--threshold T] [--part P]
                      screen and decide customers (header with full_name; optional date_of_birth, nationality,
                      country, kind = person|organization) with the decision rules of identity-service, or
                      those of --config (keys as identity-service's, e.g. tenantgate.identity.reject-at=70);
                      the last line is: people=N approved=A review=R rejected=J pending_info=P. --out writes
                      row<TAB>DECISION<TAB>reasons joined by " | " per row (rows numbered from 1)
            """;

    private DecisionSimulationCommand() {
    }

    public static void main(List<String> args) {
        if (args.isEmpty() || args.get(0).startsWith("--")) {
            throw new IllegalArgumentException("eval decisions needs a CSV file\n\n" + USAGE);
        }
        Path file = Path.of(args.get(0));
        Arguments options = new Arguments(args.toArray(String[]::new));
        RiskSettings settings = options.option("--config").map(Path::of).map(DecisionSimulationCommand::properties)
                .map(RiskSettingsProperties::read).orElse(RiskSettings.defaults());
        double threshold = options.threshold();
        EvaluationSplit.Part part = options.option("--part").map(EvaluationSplit.Part::of).orElse(EvaluationSplit.Part.ALL);
        List<Map<String, String>> rows = EvaluationSplit.people(CsvTable.read(file, "full_name"), part);

        ScreeningEngine engine = ScreeningEngine.build(BundledLists.load(), EngineSettings.defaults());
        DecisionSimulation.Result result = new DecisionSimulation(engine, threshold, settings).run(rows);

        for (Decision decision : Decision.values()) {
            System.out.println(decision + ": " + result.count(decision));
        }
        System.out.println("review with a list match: " + result.reviewsWithListMatch());
        result.unreadable().forEach((column, count) -> System.out.println(column + " unreadable (treated as absent): " + count));
        options.option("--out").map(Path::of).ifPresent(out -> write(out, result));
        System.out.println(result.summaryLine());
    }

    private static void write(Path out, DecisionSimulation.Result result) {
        List<String> lines = result.outcomes().stream().map(outcome -> outcome.row() + "\t" + outcome.decision() + "\t"
                + String.join(" | ", outcome.reasons()).replace('\t', ' ').replace('\n', ' ')).toList();
        try {
            Files.write(out, lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> properties(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        Map<String, String> map = new HashMap<>();
        properties.stringPropertyNames().forEach(key -> map.put(key, properties.getProperty(key)));
        return map;
    }
}
