package cn.changdu.labour.reporting.projection;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The names the compact state encodings refer to by number (indicators, areas, channels, transfer sources), in
 * {@code code_name}: numbered once for every version and instance, never renumbered, so an encoded row stays
 * readable. Held in memory (a few dozen names: the catalogue's indicators, the city, the counties, the departments);
 * a name not known yet is added in a transaction of its own, so a rolled-back batch leaves at most an unused name.
 */
final class Names {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate own;
    private final Map<String, Integer> ids = new ConcurrentHashMap<>();
    private volatile String[] names = new String[0];

    Names(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.own = new TransactionTemplate(new DataSourceTransactionManager(jdbc.getDataSource()));
        this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** The number of a name, added if it is new. */
    int id(String name) {
        Integer id = ids.get(name);
        if (id == null) {
            id = own.execute(s -> {
                reload();
                if (!ids.containsKey(name)) {
                    // another instance may add it at the same moment: the unique name keeps one
                    jdbc.update("INSERT INTO code_name (name) VALUES (?) ON CONFLICT DO NOTHING", name);
                    reload();
                }
                return ids.get(name);
            });
            if (id == null) {
                throw new IllegalStateException("no code for " + name);
            }
        }
        return id;
    }

    /** The name of a number (read again from the store when another instance added it). */
    String name(int id) {
        String[] known = names;
        if (id < 0 || id >= known.length || known[id] == null) {
            own.executeWithoutResult(s -> reload());
            known = names;
            if (id < 0 || id >= known.length || known[id] == null) {
                throw new IllegalStateException("unknown code " + id);
            }
        }
        return known[id];
    }

    private synchronized void reload() {
        String[][] all = {names};
        jdbc.query("SELECT id, name FROM code_name", rs -> {
            int id = rs.getInt(1);
            String name = rs.getString(2);
            if (id >= all[0].length) {
                all[0] = Arrays.copyOf(all[0], Math.max(id + 1, all[0].length * 2));
            }
            all[0][id] = name;
            ids.put(name, id);
        });
        names = all[0];
    }
}
