package cn.changdu.labour.employment.placement.model;

import cn.changdu.labour.contracts.employment.Destination;
import cn.changdu.labour.contracts.employment.TransferChannel;
import cn.changdu.labour.employment.placement.api.PlaceWorkerCommand;
import cn.changdu.labour.employment.placement.api.WorkerPlacedEvent;
import cn.changdu.labour.support.domain.RuleViolation;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;

class WorkerTest {

    private AggregateTestFixture<Worker> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Worker.class);
    }

    @Test
    void a_worker_is_placed_through_a_channel() {
        fixture.givenNoPriorActivity()
                .when(place("pl-1", "4500.00"))
                .expectEvents(placed("pl-1"));
    }

    @Test
    void a_person_has_at_most_one_active_placement() {
        fixture.given(placed("pl-1"))
                .when(place("pl-2", "4500.00"))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("此人已有在岗的就业记录，须先登记离岗才能再次登记")
                .expectNoEvents();
    }

    @Test
    void income_is_exact_to_the_fen() {
        fixture.givenNoPriorActivity()
                .when(place("pl-1", "4500.001"))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    private static PlaceWorkerCommand place(String placementId, String income) {
        return new PlaceWorkerCommand("pk_1", placementId, "次仁", "540322198805060019", "540322",
                TransferChannel.CONSTRUCTION_PROJECT, Destination.IN_COUNTY, "贡觉县建筑公司",
                LocalDate.of(2020, 7, 1), new BigDecimal(income));
    }

    private static WorkerPlacedEvent placed(String placementId) {
        return new WorkerPlacedEvent("pk_1", placementId, "次仁", "540322198805060019", "540322",
                TransferChannel.CONSTRUCTION_PROJECT, Destination.IN_COUNTY, "贡觉县建筑公司",
                LocalDate.of(2020, 7, 1), new BigDecimal("4500.00"));
    }
}
