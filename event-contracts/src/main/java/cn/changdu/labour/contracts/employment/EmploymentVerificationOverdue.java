package cn.changdu.labour.contracts.employment;

import cn.changdu.labour.contracts.EventType;
import cn.changdu.labour.contracts.IntegrationEvent;

import java.time.LocalDate;

/** A placement's 3-month check was not done by its due date (fired by a deadline; cleared by EmploymentVerified). */
@EventType(name = "employment.EmploymentVerificationOverdue", version = 1)
public record EmploymentVerificationOverdue(
        String placementId,
        String personKey,
        String countyCode,
        LocalDate dueOn) implements IntegrationEvent {
}
