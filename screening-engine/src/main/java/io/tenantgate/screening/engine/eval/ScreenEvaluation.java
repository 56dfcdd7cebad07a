package io.tenantgate.screening.engine.eval;

import io.tenantgate.screening.engine.index.Match;
import io.tenantgate.screening.engine.index.PartyQuery;
import io.tenantgate.screening.engine.index.ScreeningEngine;
import io.tenantgate.screening.engine.index.ScreeningResult;
import io.tenantgate.screening.engine.model.Countries;
import io.tenantgate.screening.engine.model.EntryType;
import io.tenantgate.screening.engine.model.PartialDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Screens every person of a CSV file (full_name, optional date_of_birth and nationality). One bad row never
 * stops the file: a date of birth or nationality that cannot be read is screened as absent and counted, and a
 * row that cannot be screened at all is reported by its number and counted.
 */
public final class ScreenEvaluation {

    /**
     * One line per input row, {@code row<TAB>hit|miss<TAB>best entry key<TAB>score}, or
     * {@code row<TAB>error<TAB>reason<TAB>0}; and how many rows had an unreadable date or nationality.
     */
    public record Result(List<String> lines, int hits, int unreadableDates, int unreadableNationalities,
                         List<String> errors) {
    }

    private ScreenEvaluation() {
    }

    public static Result run(ScreeningEngine engine, List<Map<String, String>> rows, double threshold) {
        List<String> lines = new ArrayList<>(rows.size());
        List<String> errors = new ArrayList<>();
        int hits = 0;
        int unreadableDates = 0;
        int unreadableNationalities = 0;
        for (int i = 0; i < rows.size(); i++) {
            Map<String, String> row = rows.get(i);
            int number = i + 1;
            unreadableDates += unreadable(row.get("date_of_birth"), PartialDate.parse(row.get("date_of_birth")).isEmpty());
            unreadableNationalities += unreadable(row.get("nationality"), Countries.toIso(row.get("nationality")).isEmpty());
            try {
                ScreeningResult result = engine.screen(toQuery(row), threshold, 1);
                Match best = result.hit() ? result.matches().get(0) : null;
                hits += best == null ? 0 : 1;
                lines.add(String.format(Locale.ROOT, "%d\t%s\t%s\t%.4f", number, best == null ? "miss" : "hit",
                        best == null ? "" : best.key(), best == null ? 0.0 : best.score()));
            } catch (RuntimeException e) {
                String reason = "row " + number + ": " + e.getClass().getSimpleName() + ": " + e.getMessage();
                errors.add(reason);
                lines.add(number + "\terror\t" + reason.replace('\t', ' ') + "\t0");
            }
        }
        return new Result(lines, hits, unreadableDates, unreadableNationalities, errors);
    }

    private static int unreadable(String value, boolean notParsed) {
        return value != null && !value.isBlank() && notParsed ? 1 : 0;
    }

    /** The people of these files are individuals; nationality may be a country name ("France") or code. */
    static PartyQuery toQuery(Map<String, String> row) {
        String country = Countries.toIso(row.get("nationality")).orElse(null);
        PartialDate dateOfBirth = PartialDate.parse(row.get("date_of_birth")).orElse(null);
        return new PartyQuery(row.get("full_name"), EntryType.INDIVIDUAL, country, dateOfBirth, List.of(), null);
    }
}
