package io.tenantgate.screening.engine.index;

import io.tenantgate.screening.engine.model.Entry;
import io.tenantgate.screening.engine.model.ListSource;
import java.util.List;
import java.util.Set;

/** One list entry above the threshold: its best-scoring name variant and the explanation. */
public record Match(String key, double score, String matchedName, Set<ListSource> sources, List<String> programs,
                    String entityNumber, String licenseRequirement, Entry entry, Explanation explanation) {

    static Match of(Entry entry, double score, String matchedName, Explanation explanation) {
        return new Match(entry.key(), score, matchedName, entry.sources(), entry.programs(), entry.entityNumber(),
                entry.licenseRequirement(), entry, explanation);
    }
}
