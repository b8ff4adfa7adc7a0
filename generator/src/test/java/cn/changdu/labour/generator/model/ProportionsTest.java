package cn.changdu.labour.generator.model;

import cn.changdu.labour.generator.Years;
import cn.changdu.labour.generator.model.Geography.County;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The plan's proportions at scale 0.05 (1,250 trainees, 6,300 transfers, 10 projects), whole year. */
class ProportionsTest {

    private static final double SCALE = 0.05;
    private final Year year = Years.year(SCALE, 7, LocalDate.of(2020, 12, 31));
    private final YearSummary summary = YearSummary.of(year);

    @Test
    void training_has_the_plans_size_consolidation_and_order_directed_shares() {
        assertThat(summary.trainees()).isBetween(1_200, 1_260);
        assertThat((double) summary.consolidation() / summary.trainees()).isCloseTo(0.40, within(0.04));
        assertThat((double) summary.orderDirected() / summary.trainees()).isCloseTo(0.40, within(0.03));
        assertThat(summary.traineesByCounty()).hasSize(11);
    }

    @Test
    void pass_rates_are_around_80_percent_with_some_classes_below() {
        assertThat(summary.passRate()).isBetween(0.82, 0.92);
        assertThat(summary.classesBelow80()).isPositive().isLessThan(summary.classes() / 3);
        assertThat(summary.classesInspectedOnce()).isPositive();
        assertThat(summary.lateFilings()).isPositive();
        assertThat(summary.duplicateAttempts()).isPositive();
    }

    @Test
    void transfers_follow_the_plans_channels_each_person_once() {
        Map<String, Integer> channels = summary.transfersByChannel();
        assertThat(channels.get("CONSTRUCTION_PROJECT")).isGreaterThanOrEqualTo((int) (55_000 * SCALE));
        assertThat(channels.get("LOCAL_INDUSTRY")).isGreaterThanOrEqualTo((int) (20_000 * SCALE));
        assertThat(channels.get("SOCIAL_FORCES")).isGreaterThanOrEqualTo((int) (15_000 * SCALE));
        assertThat(channels.get("PRIVATE_ENTERPRISE")).isGreaterThanOrEqualTo((int) (30_000 * SCALE));
        assertThat(channels.get("ORGANISED_OUT_OF_REGION")).isPositive();
        assertThat(summary.transfers()).isBetween((int) (120_000 * SCALE), (int) (130_000 * SCALE));
        assertThat(summary.governmentOrganised()).isGreaterThanOrEqualTo((int) (1_100 * SCALE));
        // transfer income around the plan's 660 million
        assertThat(summary.income()).isBetween(BigDecimal.valueOf(600e6 * SCALE), BigDecimal.valueOf(720e6 * SCALE));
        assertThat(summary.jobsDeveloped()).isEqualTo((int) (10_000 * SCALE));
        assertThat(summary.urbanNewEmployment()).isEqualTo((int) (6_500 * SCALE));
        assertThat(summary.householdsWithNobodyEmployed()).isPositive().isLessThan(summary.households() / 5);
    }

    @Test
    void people_come_from_the_counties_by_population() {
        Map<String, Integer> byCounty = new HashMap<>();
        year.employment().placements().forEach(p -> byCounty.merge(p.person().countyCode(), 1, Integer::sum));
        int total = byCounty.values().stream().mapToInt(Integer::intValue).sum();
        for (County county : Geography.COUNTIES) {
            double share = (double) byCounty.getOrDefault(county.code(), 0) / total;
            assertThat(share).as(county.name()).isCloseTo(Geography.weight(county), within(0.02));
        }
    }

    @Test
    void rosters_hire_about_30_percent_locals_some_projects_fewer() {
        assertThat(summary.localShare()).isBetween(0.27, 0.36);
        assertThat(summary.projectsBelow30()).isPositive().isLessThan(summary.projects());
        assertThat(summary.rosterStints()).isGreaterThanOrEqualTo((int) (50_000 * SCALE));
        assertThat(summary.wageIssues()).isPositive().isLessThan(summary.wageMonths() / 10);
        assertThat(summary.disputes()).isPositive();
    }

    @Test
    void classes_are_filed_5_working_days_ahead_unless_approved_late() {
        for (TrainingClass c : year.classes()) {
            LocalDate filed = c.filedAt().toLocalDate();
            assertThat(filed.getYear()).isEqualTo(2020);
            if (c.lateFiling() == null) {
                assertThat(filed).as("class %d starting %s", c.no(), c.start()).isBeforeOrEqualTo(WorkingDays.latestFilingDate(c.start()));
            } else {
                assertThat(filed).as("late class %d", c.no()).isAfter(WorkingDays.latestFilingDate(c.start())).isBefore(c.start());
                assertThat(c.lateFiling().approver()).isNotBlank();
            }
            assertThat(WorkingDays.isWorkingDay(c.start())).isTrue();
            // a seat to spare: a duplicate-training attempt must meet the duplicate rule, not a full class
            assertThat(c.plannedSize()).isGreaterThan(c.trainees().size());
        }
    }

    @Test
    void the_calendar_counts_working_days_as_training_service_does() {
        // the e2e test's and README's example: 电工 from 1 June, filed by 25 May
        assertThat(WorkingDays.latestFilingDate(LocalDate.of(2020, 6, 1))).isEqualTo(LocalDate.of(2020, 5, 25));
        // over the National Day holidays: 9 October is a working day, 10 October a working Saturday
        assertThat(WorkingDays.latestFilingDate(LocalDate.of(2020, 10, 15))).isEqualTo(LocalDate.of(2020, 10, 9));
    }
}
