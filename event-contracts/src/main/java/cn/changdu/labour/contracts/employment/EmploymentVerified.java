package cn.changdu.labour.contracts.employment;

import cn.changdu.labour.contracts.EventType;
import cn.changdu.labour.contracts.IntegrationEvent;

import java.time.LocalDate;

/** The 3-month stability check of a placement was done (稳定就业核验). */
@EventType(name = "employment.EmploymentVerified", version = 1)
public record EmploymentVerified(
        String placementId,
        String personKey,
        String countyCode,
        LocalDate verifiedOn,
        VerificationStatus status,
        boolean late) implements IntegrationEvent {
}
