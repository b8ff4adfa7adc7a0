package cn.changdu.labour.contracts.training;

import cn.changdu.labour.contracts.EventType;
import cn.changdu.labour.contracts.IntegrationEvent;

import java.time.LocalDate;

/**
 * The person-side record of an enrolment (aggregate id = personKey), with what the dashboard splits people
 * trained by. Every {@link TraineeEnrolled} made through training-service's API has exactly one PersonEnrolled with
 * the same classId and personKey, committed together.
 *
 * @param category              training category (TrainingCategory name: HYDROPOWER_MINING, INDUSTRY_PARK,
 *                              CONSTRUCTION_RELOCATION, BLUE_SKY_INDUSTRIES, ETHNIC_HANDICRAFTS, RAILWAY_RESERVE,
 *                              TOURISM_TRADES, OTHER_TRADES)
 * @param orderDirected         the class is order-directed training (订单定向式)
 * @param registeredPoor        registered-poor person (建档立卡)
 * @param consolidationTraining registered-poor consolidation training (巩固培训)
 * @param relocationHouseholdId relocated household (易地搬迁户) number, null when not relocated
 */
@EventType(name = "training.PersonEnrolled", version = 1)
public record PersonEnrolled(
        String personKey,
        String classId,
        String countyCode,
        String trade,
        String category,
        boolean orderDirected,
        boolean registeredPoor,
        boolean consolidationTraining,
        String relocationHouseholdId,
        String relocationSite,
        LocalDate startDate,
        LocalDate endDate) implements IntegrationEvent {
}
