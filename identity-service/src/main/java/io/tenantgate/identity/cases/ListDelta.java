package io.tenantgate.identity.cases;

import java.util.List;

/** What one list change did: the list version it made and the entry keys it added, changed and removed. */
public record ListDelta(long changeId, String source, long version, List<String> added, List<String> changed,
                        List<String> removed) {

    public ListDelta {
        added = List.copyOf(added);
        changed = List.copyOf(changed);
        removed = List.copyOf(removed);
    }

    /** True when no entry was added or changed, so nobody can newly match. */
    public boolean nothingToScreen() {
        return added.isEmpty() && changed.isEmpty();
    }
}
