package cn.changdu.labour.employment.urban.query;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/** Reads of the urban employment views (see {@link UrbanViews}). */
@Component
public class UrbanQueries {

    private final JdbcTemplate jdbc;

    public UrbanQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public record UnemploymentRate(String countyCode, int year, long registeredUnemployed, Long labourForce,
                                   String ratePercent, long urbanNewEmployment) {
    }

    /**
     * The registered unemployment rate now (null rate when no base is set), for a county or (null) the city: the
     * open registrations, the year's bases and the year's urban new employment, each an index range, in one query.
     */
    public UnemploymentRate rate(String countyCode, int year) {
        String county = countyCode == null ? "" : " AND county_code = ?";
        List<Object> args = new ArrayList<>();
        if (countyCode != null) {
            args.add(countyCode);
        }
        args.add(year);
        if (countyCode != null) {
            args.add(countyCode);
        }
        args.add(year);
        if (countyCode != null) {
            args.add(countyCode);
        }
        return jdbc.queryForObject("SELECT"
                        + " (SELECT COUNT(*) FROM employment_unemployment WHERE unemployed = TRUE" + county + ") AS unemployed,"
                        + " (SELECT COALESCE(SUM(labour_force), 0) FROM employment_labour_force WHERE base_year = ?" + county
                        + ") AS base,"
                        + " (SELECT COUNT(*) FROM employment_urban_employment WHERE registration_year = ?" + county
                        + ") AS new_employment",
                (rs, n) -> {
                    long unemployed = rs.getLong("unemployed");
                    long base = rs.getLong("base");
                    String rate = base == 0 ? null : BigDecimal.valueOf(unemployed * 100L)
                            .divide(BigDecimal.valueOf(base), 2, RoundingMode.HALF_UP).toPlainString();
                    return new UnemploymentRate(countyCode, year, unemployed, base == 0 ? null : base, rate,
                            rs.getLong("new_employment"));
                }, args.toArray());
    }
}
