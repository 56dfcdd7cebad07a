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

/** Screens every person of a CSV file (full_name, optional date_of_birth and nationality). */
public final class ScreenEvaluation {

    private ScreenEvaluation() {
    }

    /** One line per input row: {@code row<TAB>hit|miss<TAB>best entry key<TAB>score}. */
    public static List<String> run(ScreeningEngine engine, List<Map<String, String>> rows, double threshold) {
        List<String> lines = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            ScreeningResult result = engine.screen(toQuery(rows.get(i)), threshold, 1);
            Match best = result.hit() ? result.matches().get(0) : null;
            lines.add(String.format(Locale.ROOT, "%d\t%s\t%s\t%.4f", i + 1, best == null ? "miss" : "hit",
                    best == null ? "" : best.key(), best == null ? 0.0 : best.score()));
        }
        return lines;
    }

    /** The people of these files are individuals; nationality may be a country name ("France") or code. */
    static PartyQuery toQuery(Map<String, String> row) {
        String country = Countries.toIso(row.get("nationality")).orElse(null);
        PartialDate dateOfBirth = PartialDate.parse(row.get("date_of_birth")).orElse(null);
        return new PartyQuery(row.get("full_name"), EntryType.INDIVIDUAL, country, dateOfBirth, List.of(), null);
    }
}
