package cn.changdu.labour.infra.test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** What a service's event store holds (Axon's event table), read with plain JDBC for assertions. */
public final class StoredEvents {

    public record Row(long globalIndex, String aggregateId, long sequence, String payloadType) {
    }

    private final DataSource dataSource;

    public StoredEvents(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public long count() {
        return query("SELECT COUNT(*) FROM domainevententry", null, rs -> rs.getLong(1)).get(0);
    }

    /** One aggregate's events, in sequence order. */
    public List<Row> ofAggregate(String aggregateId) {
        return query("SELECT globalindex, aggregateidentifier, sequencenumber, payloadtype FROM domainevententry "
                + "WHERE aggregateidentifier = ? ORDER BY sequencenumber", aggregateId, StoredEvents::row);
    }

    /** Every event, in global order. */
    public List<Row> all() {
        return query("SELECT globalindex, aggregateidentifier, sequencenumber, payloadtype FROM domainevententry "
                + "ORDER BY globalindex", null, StoredEvents::row);
    }

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4));
    }

    private interface Mapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private <T> List<T> query(String sql, String parameter, Mapper<T> mapper) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            if (parameter != null) {
                statement.setString(1, parameter);
            }
            List<T> rows = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    rows.add(mapper.map(rs));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
