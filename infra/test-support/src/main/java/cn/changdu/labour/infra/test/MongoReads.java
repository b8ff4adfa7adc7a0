package cn.changdu.labour.infra.test;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts the reads (find, aggregate, count) a service sends to MongoDB, per collection, so a test can show that a
 * request reads what it needs once rather than once per row. Register it with a
 * {@code MongoClientSettingsBuilderCustomizer}: {@code settings -> settings.addCommandListener(reads)}.
 */
public final class MongoReads implements CommandListener {

    private final Map<String, AtomicInteger> byCollection = new ConcurrentHashMap<>();

    @Override
    public void commandStarted(CommandStartedEvent event) {
        String name = event.getCommandName();
        if (Set.of("find", "aggregate", "count").contains(name) && event.getCommand().get(name).isString()) {
            byCollection.computeIfAbsent(event.getCommand().getString(name).getValue(), c -> new AtomicInteger())
                    .incrementAndGet();
        }
    }

    /** Reads of the collection so far. */
    public int of(String collection) {
        return byCollection.getOrDefault(collection, new AtomicInteger()).get();
    }
}
