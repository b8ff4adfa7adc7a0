package cn.changdu.labour.reporting.projection;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The rows of one table that a batch reads and changes: loaded once per batch (a few {@code IN} queries), changed
 * in memory fact by fact, written at the batch's end (insert what is new, update what existed, delete what went).
 */
final class Rows<K, V> {

    private final Map<K, V> values = new HashMap<>();
    private final Set<K> existed = new HashSet<>();
    private final Set<K> dirty = new LinkedHashSet<>();

    void loaded(K key, V value) {
        values.put(key, value);
        existed.add(key);
    }

    /** The current value, null if there is none (every key a batch can touch was loaded first). */
    V get(K key) {
        return values.get(key);
    }

    void put(K key, V value) {
        values.put(key, value);
        dirty.add(key);
    }

    void remove(K key) {
        values.put(key, null);
        dirty.add(key);
    }

    interface Writer<K, V> {
        void insert(K key, V value);

        void update(K key, V value);

        void delete(K key);
    }

    void flush(Writer<K, V> writer) {
        for (K key : dirty) {
            V value = values.get(key);
            if (value == null) {
                if (existed.contains(key)) {
                    writer.delete(key);
                }
            } else if (existed.contains(key)) {
                writer.update(key, value);
            } else {
                writer.insert(key, value);
            }
        }
    }
}
