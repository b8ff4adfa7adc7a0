package cn.changdu.labour.employment.households.query;

import cn.changdu.labour.employment.households.api.RelocatedHouseholdRegisteredEvent;
import cn.changdu.labour.employment.placement.api.EmploymentEndedEvent;
import cn.changdu.labour.employment.placement.api.PlacementDetailsRecordedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Relocated households and who of them is employed (tables {@code employment_household},
 * {@code employment_household_placement}; migration V11): the open placements naming a household are rows (one
 * per placement, inserted when it is recorded, deleted when it ends; both idempotent), and the household's
 * {@code employed_members} is recounted from them after every change, through the primary key. Read by
 * {@link HouseholdQueries}.
 */
@Component
@ProcessingGroup(HouseholdViews.PROCESSING_GROUP)
public class HouseholdViews {

    public static final String PROCESSING_GROUP = "household-views";

    private final JdbcTemplate jdbc;

    public HouseholdViews(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(RelocatedHouseholdRegisteredEvent e) {
        jdbc.update("""
                INSERT INTO employment_household (household_id, county_code, site, head_name, head_resident_id,
                    members_able_to_work, registered_on)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT DO NOTHING""",
                e.householdId(), e.countyCode(), e.site(), e.headName(), e.headResidentId(), e.membersAbleToWork(),
                e.registeredOn());
        recount(e.householdId());
    }

    @EventHandler
    void on(PlacementDetailsRecordedEvent e) {
        if (e.householdId() != null) {
            jdbc.update("""
                    INSERT INTO employment_household_placement (household_id, placement_id) VALUES (?, ?)
                    ON CONFLICT DO NOTHING""", e.householdId(), e.placementId());
            recount(e.householdId());
        }
    }

    @EventHandler
    void on(EmploymentEndedEvent e) {
        if (e.householdId() != null) {
            jdbc.update("DELETE FROM employment_household_placement WHERE household_id = ? AND placement_id = ?",
                    e.householdId(), e.placementId());
            recount(e.householdId());
        }
    }

    private void recount(String householdId) {
        jdbc.update("""
                UPDATE employment_household SET employed_members =
                    (SELECT COUNT(*) FROM employment_household_placement o WHERE o.household_id = ?)
                WHERE household_id = ?""", householdId, householdId);
    }
}
