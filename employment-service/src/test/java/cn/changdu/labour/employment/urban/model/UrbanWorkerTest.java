package cn.changdu.labour.employment.urban.model;

import cn.changdu.labour.employment.urban.api.EndUnemploymentCommand;
import cn.changdu.labour.employment.urban.api.LabourForceBaseSetEvent;
import cn.changdu.labour.employment.urban.api.RegisterUnemploymentCommand;
import cn.changdu.labour.employment.urban.api.RegisterUrbanEmploymentCommand;
import cn.changdu.labour.employment.urban.api.SetLabourForceBaseCommand;
import cn.changdu.labour.employment.urban.api.UnemploymentEndedEvent;
import cn.changdu.labour.employment.urban.api.UnemploymentRegisteredEvent;
import cn.changdu.labour.employment.urban.api.UrbanEmploymentRegisteredEvent;
import cn.changdu.labour.kernel.RuleViolation;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.CustomMatcher;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

class UrbanWorkerTest {

    private static final String ID = "urban:pk_u";
    private final AggregateTestFixture<UrbanWorker> fixture = new AggregateTestFixture<>(UrbanWorker.class);
    private final UnemploymentRegisteredEvent unemployed = new UnemploymentRegisteredEvent("pk_u", "卓玛",
            "540302199001010023", "540302", LocalDate.of(2020, 2, 1));

    private static RegisterUrbanEmploymentCommand employ(String registrationId, LocalDate on) {
        return new RegisterUrbanEmploymentCommand(ID, "pk_u", registrationId, "卓玛", "540302199001010023", "540302",
                "昌都市茶马古道酒店有限公司", on);
    }

    private static UrbanEmploymentRegisteredEvent employed(String registrationId, LocalDate on) {
        return new UrbanEmploymentRegisteredEvent("pk_u", registrationId, "卓玛", "540302199001010023", "540302",
                "昌都市茶马古道酒店有限公司", on);
    }

    @Test
    void urban_new_employment_counts_once_per_person_and_year() {
        fixture.givenNoPriorActivity().when(employ("ue-1", LocalDate.of(2020, 5, 1)))
                .expectEvents(employed("ue-1", LocalDate.of(2020, 5, 1)));
        fixture.given(employed("ue-1", LocalDate.of(2020, 5, 1))).when(employ("ue-2", LocalDate.of(2020, 9, 1)))
                .expectException(violation("urban-new-employment-once-per-year")).expectNoEvents();
        fixture.given(employed("ue-1", LocalDate.of(2020, 5, 1))).when(employ("ue-2", LocalDate.of(2021, 1, 10)))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void finding_work_ends_a_registered_unemployment() {
        fixture.given(unemployed).when(employ("ue-1", LocalDate.of(2020, 5, 1)))
                .expectEvents(employed("ue-1", LocalDate.of(2020, 5, 1)),
                        new UnemploymentEndedEvent("pk_u", "540302", LocalDate.of(2020, 5, 1), "EMPLOYED"));
    }

    @Test
    void a_person_has_at_most_one_open_unemployment_registration() {
        fixture.given(unemployed)
                .when(new RegisterUnemploymentCommand(ID, "pk_u", "卓玛", "540302199001010023", "540302", LocalDate.of(2020, 3, 1)))
                .expectException(violation("unemployment-registered-once")).expectNoEvents();
    }

    @Test
    void only_an_open_unemployment_ends_and_not_before_it_began() {
        fixture.givenNoPriorActivity()
                .when(new EndUnemploymentCommand(ID, LocalDate.of(2020, 3, 1), "OTHER"))
                .expectException(org.axonframework.modelling.command.AggregateNotFoundException.class);
        fixture.given(unemployed, new UnemploymentEndedEvent("pk_u", "540302", LocalDate.of(2020, 3, 1), "OTHER"))
                .when(new EndUnemploymentCommand(ID, LocalDate.of(2020, 4, 1), "OTHER"))
                .expectException(violation("unemployment-registered")).expectNoEvents();
        fixture.given(unemployed)
                .when(new EndUnemploymentCommand(ID, LocalDate.of(2020, 1, 1), "OTHER"))
                .expectException(violation("unemployment-end-after-start")).expectNoEvents();
    }

    @Test
    void the_labour_force_base_is_positive() {
        AggregateTestFixture<LabourForceBase> bases = new AggregateTestFixture<>(LabourForceBase.class);
        bases.givenNoPriorActivity()
                .when(new SetLabourForceBaseCommand(SetLabourForceBaseCommand.idOf("540302", 2020), "540302", 2020, 40000))
                .expectEvents(new LabourForceBaseSetEvent("540302", 2020, 40000));
        bases.givenNoPriorActivity()
                .when(new SetLabourForceBaseCommand(SetLabourForceBaseCommand.idOf("540302", 2020), "540302", 2020, 0))
                .expectException(RuleViolation.class).expectNoEvents();
    }

    static CustomMatcher<RuleViolation> violation(String rule) {
        return new CustomMatcher<>("RuleViolation " + rule) {
            @Override
            public boolean matches(Object o) {
                return o instanceof RuleViolation v && rule.equals(v.rule());
            }
        };
    }
}
