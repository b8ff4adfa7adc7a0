package cn.changdu.labour.contracts.training;

import cn.changdu.labour.contracts.EventType;
import cn.changdu.labour.contracts.IntegrationEvent;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A training subsidy claim for one trainee of one class was approved (claimId = personKey within the class).
 *
 * @param amount yuan, exact to the fen: the class's standard, plus 450 when the general curriculum is included
 */
@EventType(name = "training.SubsidyApproved", version = 1)
public record SubsidyApproved(
        String classId,
        String personKey,
        String countyCode,
        BigDecimal amount,
        LocalDate date) implements IntegrationEvent {
}
