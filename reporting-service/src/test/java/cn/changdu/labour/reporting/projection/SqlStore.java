package cn.changdu.labour.reporting.projection;

import cn.changdu.labour.infra.test.TestDatabases;
import cn.changdu.labour.reporting.indicators.IndicatorCatalog;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** A fresh relational store with reporting's schema (H2 file, or PostgreSQL with -Ppostgres) and its projection. */
public final class SqlStore {

    public final TestDatabases.Database db;
    public final JdbcTemplate jdbc;
    public final TransactionTemplate tx;
    public final Projection projection;
    public final ReadModel readModel;
    private final AtomicLong offsets = new AtomicLong();

    public SqlStore(String name) {
        db = TestDatabases.shared().create(name);
        DriverManagerDataSource dataSource = new DriverManagerDataSource(db.url(), db.username(), db.password());
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/reporting").load().migrate();
        jdbc = new JdbcTemplate(dataSource);
        tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        projection = new Projection(jdbc, tx, IndicatorCatalog::countings);
        readModel = new ReadModel(jdbc, tx);
    }

    /** A fact of 2020 as the projection reads it (county 540321, department 交通局). */
    public Fact fact(String id, String type, String aggregate, long sequence, int quarter, Map<String, Object> payload,
                     Instant recordedAt) {
        Object pk = payload.get("personKey");
        return new Fact(id, type, "project-labor-service", "changdu.project-labor.events", 0, offsets.getAndIncrement(),
                aggregate, sequence, "540321", "交通局", "o", "交通局",
                Instant.parse("2020-0" + (quarter * 3 - 1) + "-15T02:00:00Z"), recordedAt, 2020, quarter,
                pk == null ? null : pk.toString(), payload);
    }

    public Projection.Result apply(Fact... facts) {
        return projection.apply(readModel.active(), java.util.Arrays.stream(facts)
                .map(f -> new Incoming(f.topic(), f.partition(), f.offset(), f, "{}", null)).toList(), true, r -> {
        });
    }

    public Projection.Result apply(List<Incoming> records) {
        return projection.apply(readModel.active(), records, true, r -> {
        });
    }

    /** A figure of the active version (0 when there is none). */
    public BigDecimal value(String indicator, String area, String period) {
        List<BigDecimal> v = jdbc.queryForList("SELECT amount FROM figure WHERE version = ? AND indicator = ? AND area = ? "
                + "AND period_key = ?", BigDecimal.class, readModel.active(), indicator, area, period);
        return v.isEmpty() ? BigDecimal.ZERO : v.get(0);
    }
}
