package cn.changdu.labour.contracts.training;

import cn.changdu.labour.contracts.EventType;
import cn.changdu.labour.contracts.IntegrationEvent;

import java.time.LocalDate;

/**
 * The organiser recommended a job to a qualified trainee (the plan: ≥ 1 per qualified trainee).
 *
 * @param recommendationNumber 1 for the trainee's first recommendation in this class, …
 */
@EventType(name = "training.JobRecommended", version = 1)
public record JobRecommended(
        String classId,
        String personKey,
        String countyCode,
        LocalDate recommendedOn,
        int recommendationNumber,
        LocalDate classEndDate) implements IntegrationEvent {
}
