package cn.changdu.labour.employment.households.query;

import cn.changdu.labour.contracts.person.ResidentId;
import cn.changdu.labour.employment.placement.app.RegisteredHouseholds;
import cn.changdu.labour.employment.query.Columns;
import cn.changdu.labour.support.web.Caller;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Reads of the households view (see {@link HouseholdViews}), the head's name and ID masked unless allowed. */
@Component
public class HouseholdQueries implements RegisteredHouseholds {

    private final JdbcTemplate jdbc;

    public HouseholdQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public record HouseholdView(String householdId, String countyCode, String site, String headName,
                                String headResidentId, int membersAbleToWork, String registeredOn,
                                int employedMembers, boolean nobodyEmployed) {
    }

    /** A relocation site: households registered there and those of them with nobody employed. */
    public record SiteView(String countyCode, String site, long households, long nobodyEmployed) {
    }

    public boolean exists(String householdId) {
        return !jdbc.queryForList("SELECT household_id FROM employment_household WHERE household_id = ?", String.class,
                householdId).isEmpty();
    }

    /** The ids among {@code householdIds} of registered households ({@link #exists} for many), in one query. */
    @Override
    public Set<String> registered(Collection<String> householdIds) {
        Set<String> registered = new HashSet<>();
        if (!householdIds.isEmpty()) {
            registered.addAll(jdbc.queryForList("SELECT household_id FROM employment_household WHERE household_id = ANY(?)",
                    String.class, Columns.anyOf(householdIds)));
        }
        return registered;
    }

    /** Registered households by site (then id), of a county and/or a site, optionally only those with nobody employed. */
    public List<HouseholdView> find(String countyCode, String site, Boolean nobodyEmployed, Caller caller) {
        StringBuilder sql = new StringBuilder("""
                SELECT household_id, county_code, site, head_name, head_resident_id, members_able_to_work, registered_on,
                    employed_members
                FROM employment_household""");
        List<Object> args = new ArrayList<>();
        if (countyCode != null) {
            sql.append(args.isEmpty() ? " WHERE " : " AND ").append("county_code = ?");
            args.add(countyCode);
        }
        if (site != null) {
            sql.append(args.isEmpty() ? " WHERE " : " AND ").append("site = ?");
            args.add(site);
        }
        if (nobodyEmployed != null) {
            sql.append(args.isEmpty() ? " WHERE " : " AND ")
                    .append(nobodyEmployed ? "employed_members = 0" : "employed_members > 0");
        }
        return jdbc.query(sql.append(" ORDER BY site, household_id").toString(), (rs, n) -> {
            int employed = rs.getInt("employed_members");
            return new HouseholdView(rs.getString("household_id"), rs.getString("county_code"), rs.getString("site"),
                    caller.personal(rs.getString("head_name"), Caller::maskName),
                    caller.personal(rs.getString("head_resident_id"), v -> new ResidentId(v).masked()),
                    rs.getInt("members_able_to_work"), Columns.date(rs, "registered_on"), employed, employed == 0);
        }, args.toArray());
    }

    /** Per site (by county, then site): households registered and those with nobody employed, counted in the store. */
    public List<SiteView> sites(String countyCode) {
        String where = countyCode == null ? "" : " WHERE county_code = ?";
        return jdbc.query("""
                SELECT county_code, site, COUNT(*) AS households,
                    SUM(CASE WHEN employed_members = 0 THEN 1 ELSE 0 END) AS nobody_employed
                FROM employment_household""" + where + " GROUP BY county_code, site ORDER BY county_code, site",
                (rs, n) -> new SiteView(rs.getString("county_code"), rs.getString("site"), rs.getLong("households"),
                        rs.getLong("nobody_employed")),
                countyCode == null ? new Object[0] : new Object[]{countyCode});
    }
}
