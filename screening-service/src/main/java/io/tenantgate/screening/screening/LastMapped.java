package io.tenantgate.screening.screening;

import java.util.function.Function;

/**
 * The value mapped from the last key seen, by identity: for values that every answer derived from one active
 * index snapshot shares, so they are built once per snapshot instead of once per party. Thread-safe; two
 * threads meeting a new key at once may both map it, and either result is kept.
 */
public final class LastMapped<K, V> {

    private record Mapped<K, V>(K key, V value) {
    }

    private final Function<K, V> mapping;
    private volatile Mapped<K, V> last;

    public LastMapped(Function<K, V> mapping) {
        this.mapping = mapping;
    }

    public V get(K key) {
        Mapped<K, V> known = last;
        if (known == null || known.key() != key) {
            known = new Mapped<>(key, mapping.apply(key));
            last = known;
        }
        return known.value();
    }
}
