package cn.changdu.labour.employment.urban.query;

import cn.changdu.labour.employment.urban.api.LabourForceBaseSetEvent;
import cn.changdu.labour.employment.urban.api.UnemploymentEndedEvent;
import cn.changdu.labour.employment.urban.api.UnemploymentRegisteredEvent;
import cn.changdu.labour.employment.urban.api.UrbanEmploymentRegisteredEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Urban employment views (migration V12): registrations ({@code employment_urban_employment}, one per
 * registration), registered unemployment ({@code employment_unemployment}, one per person, its current state) and
 * labour-force bases ({@code employment_labour_force}, one per county and year). A row that may already exist is
 * updated, else inserted (one processor writes these tables, within its batch's transaction). Read by
 * {@link UrbanQueries}.
 */
@Component
@ProcessingGroup(UrbanViews.PROCESSING_GROUP)
public class UrbanViews {

    public static final String PROCESSING_GROUP = "urban-views";

    private final JdbcTemplate jdbc;

    public UrbanViews(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(UrbanEmploymentRegisteredEvent e) {
        jdbc.update("""
                INSERT INTO employment_urban_employment (registration_id, person_key, county_code, employer,
                    registered_on, registration_year)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT DO NOTHING""",
                e.registrationId(), e.personKey(), e.countyCode(), e.employer(), e.registeredOn(),
                e.registeredOn().getYear());
    }

    @EventHandler
    void on(UnemploymentRegisteredEvent e) {
        int updated = jdbc.update("""
                UPDATE employment_unemployment SET county_code = ?, unemployed = TRUE, registered_on = ?,
                    ended_on = NULL, end_reason = NULL
                WHERE person_key = ?""", e.countyCode(), e.registeredOn(), e.personKey());
        if (updated == 0) {
            jdbc.update("""
                    INSERT INTO employment_unemployment (person_key, county_code, unemployed, registered_on)
                    VALUES (?, ?, TRUE, ?)""", e.personKey(), e.countyCode(), e.registeredOn());
        }
    }

    @EventHandler
    void on(UnemploymentEndedEvent e) {
        jdbc.update("""
                UPDATE employment_unemployment SET unemployed = FALSE, ended_on = ?, end_reason = ?
                WHERE person_key = ?""", e.endedOn(), e.reason(), e.personKey());
    }

    @EventHandler
    void on(LabourForceBaseSetEvent e) {
        int updated = jdbc.update("""
                UPDATE employment_labour_force SET labour_force = ? WHERE county_code = ? AND base_year = ?""",
                e.labourForce(), e.countyCode(), e.year());
        if (updated == 0) {
            jdbc.update("""
                    INSERT INTO employment_labour_force (county_code, base_year, labour_force) VALUES (?, ?, ?)""",
                    e.countyCode(), e.year(), e.labourForce());
        }
    }
}
