package cn.changdu.labour.employment.query;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;

/**
 * How the views' queries read and bind the values they share: business dates as ISO text ({@code 2020-07-01}),
 * money as plain decimal text to the fen, and a set of keys as one array parameter ({@code = ANY(?)}, an index
 * lookup per key on H2 and PostgreSQL alike, one statement however many keys a file names).
 */
public final class Columns {

    private Columns() {
    }

    /** A DATE column as ISO text, or null. */
    public static String date(ResultSet rs, String column) throws SQLException {
        LocalDate date = rs.getObject(column, LocalDate.class);
        return date == null ? null : date.toString();
    }

    /** A NUMERIC(19,2) column as plain decimal text ({@code 3500.00}), or null. */
    public static String money(ResultSet rs, String column) throws SQLException {
        BigDecimal amount = rs.getBigDecimal(column);
        return amount == null ? null : amount.toPlainString();
    }

    /** Keys as the one parameter of {@code column = ANY(?)}. */
    public static Object anyOf(Collection<String> keys) {
        return keys.toArray(String[]::new);
    }
}
