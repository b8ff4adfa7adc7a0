package cn.changdu.labour.employment;

import cn.changdu.labour.employment.households.query.HouseholdViews;
import cn.changdu.labour.employment.intermediaries.query.IntermediaryViews;
import cn.changdu.labour.employment.jobfairs.query.JobFairViews;
import cn.changdu.labour.employment.jobs.query.JobPostingViews;
import cn.changdu.labour.employment.placement.query.PlacementViews;
import cn.changdu.labour.employment.urban.query.UrbanViews;
import cn.changdu.labour.infra.test.TestDatabases;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A store written before the views' processors were renamed keeps their tokens under the new names (V14). */
class ViewTokensMigrationTest {

    @Test
    void the_views_tokens_move_to_the_processors_new_names() {
        TestDatabases.Database db = TestDatabases.shared().create("employment_tokens");
        DriverManagerDataSource dataSource = new DriverManagerDataSource(db.url(), db.username(), db.password());
        Flyway.configure().dataSource(dataSource).target("13")
                .locations("classpath:db/migration/platform", "classpath:db/migration/service").load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        for (String old : List.of("placement-query", "household-query", "intermediary-query", "job-fair-query",
                "job-posting-query", "urban-query", "integration-relay")) {
            jdbc.update("INSERT INTO tokenentry (processorname, segment, tokentype) VALUES (?, 0, 'token')", old);
        }

        Flyway.configure().dataSource(dataSource)
                .locations("classpath:db/migration/platform", "classpath:db/migration/service").load().migrate();

        assertThat(jdbc.queryForList("SELECT processorname FROM tokenentry", String.class)).containsExactlyInAnyOrder(
                PlacementViews.PROCESSING_GROUP, HouseholdViews.PROCESSING_GROUP, IntermediaryViews.PROCESSING_GROUP,
                JobFairViews.PROCESSING_GROUP, JobPostingViews.PROCESSING_GROUP, UrbanViews.PROCESSING_GROUP,
                "integration-relay");
    }
}
