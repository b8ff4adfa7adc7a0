package cn.changdu.labour.support.axon;

import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.AggregateCacheEntry;
import org.axonframework.eventsourcing.eventstore.EventStore;

import java.util.Objects;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * An aggregate cache that hands out an aggregate only while it is current: before a cached aggregate is used, the
 * event store is asked for the aggregate's last sequence number (one lookup in its unique (aggregate, sequence)
 * index); if another instance has appended since, the entry is dropped and the repository reads the aggregate from
 * the store instead. Without this check, an instance would decide a command on the state it last wrote itself: a
 * refusal from that stale state (422) would be wrong, and an acceptance would end in a 409 on the taken sequence
 * number; with several instances behind one address (the deployment runs two) that is every other request that
 * alternates between them. What is left is the moment between this check and the append: another instance writing
 * then still ends in the 409, never in a lost or doubled event.
 * <p>
 * Everything else is the delegate's (the bounded cache), unchanged.
 */
public final class CheckedAggregateCache implements Cache {

    private final Cache delegate;
    private final Supplier<EventStore> eventStore;

    public CheckedAggregateCache(Cache delegate, Supplier<EventStore> eventStore) {
        this.delegate = delegate;
        this.eventStore = eventStore;
    }

    @Override
    public <K, V> V get(K key) {
        V value = delegate.get(key);
        if (value instanceof AggregateCacheEntry<?> entry && !current(key, entry)) {
            delegate.remove(key);
            return null;
        }
        return value;
    }

    private boolean current(Object key, AggregateCacheEntry<?> entry) {
        Long cached;
        try {
            // an entry held by reference (the cache keeps no copies) returns the aggregate it was made of, as it is
            cached = entry.recreateAggregate(null, null, null, null).version();
        } catch (RuntimeException copy) {
            return false; // a copy would need rebuilding: read from the store instead
        }
        return Objects.equals(cached, eventStore.get().lastSequenceNumberFor(key.toString()).orElse(null));
    }

    @Override
    public void put(Object key, Object value) {
        delegate.put(key, value);
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        return delegate.putIfAbsent(key, value);
    }

    @Override
    public <T> T computeIfAbsent(Object key, Supplier<T> valueSupplier) {
        return delegate.computeIfAbsent(key, valueSupplier);
    }

    @Override
    public boolean remove(Object key) {
        return delegate.remove(key);
    }

    @Override
    public void removeAll() {
        delegate.removeAll();
    }

    @Override
    public boolean containsKey(Object key) {
        return delegate.containsKey(key);
    }

    @Override
    public Registration registerCacheEntryListener(EntryListener cacheEntryListener) {
        return delegate.registerCacheEntryListener(cacheEntryListener);
    }

    @Override
    public <V> void computeIfPresent(Object key, UnaryOperator<V> update) {
        delegate.computeIfPresent(key, update);
    }
}
