package cn.changdu.labour.employment.intermediaries.model;

import cn.changdu.labour.contracts.employment.IntermediaryKind;
import cn.changdu.labour.employment.intermediaries.api.IntermediaryRecognisedEvent;
import cn.changdu.labour.employment.intermediaries.api.IntermediarySuspendedEvent;
import cn.changdu.labour.employment.intermediaries.api.RecogniseIntermediaryCommand;
import cn.changdu.labour.employment.intermediaries.api.SuspendIntermediaryCommand;
import cn.changdu.labour.kernel.RuleViolation;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.CustomMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

class LabourIntermediaryTest {

    private static final LocalDate ON = LocalDate.of(2020, 3, 1);
    private final IntermediaryRecognisedEvent recognised = new IntermediaryRecognisedEvent("im-1",
            "昌都市康巴人力资源服务有限公司", IntermediaryKind.HR_AGENCY, "540302", null, ON);
    private AggregateTestFixture<LabourIntermediary> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(LabourIntermediary.class);
    }

    @Test
    void hr_recognises_an_intermediary() {
        fixture.givenNoPriorActivity()
                .when(new RecogniseIntermediaryCommand("im-1", "昌都市康巴人力资源服务有限公司", IntermediaryKind.HR_AGENCY,
                        "540302", null, ON))
                .expectEvents(recognised);
    }

    @Test
    void an_intermediary_is_suspended_once_and_not_before_its_recognition() {
        fixture.given(recognised)
                .when(new SuspendIntermediaryCommand("im-1", "虚报人数", ON.plusDays(30)))
                .expectEvents(new IntermediarySuspendedEvent("im-1", "540302", "虚报人数", ON.plusDays(30)));
        fixture.given(recognised, new IntermediarySuspendedEvent("im-1", "540302", "虚报人数", ON.plusDays(30)))
                .when(new SuspendIntermediaryCommand("im-1", "again", ON.plusDays(40)))
                .expectException(violation("intermediary-suspended-once")).expectNoEvents();
        fixture.given(recognised)
                .when(new SuspendIntermediaryCommand("im-1", "x", ON.minusDays(1)))
                .expectException(violation("suspension-after-recognition")).expectNoEvents();
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
