package cn.changdu.labour.contracts.projectlabor;

import cn.changdu.labour.contracts.EventType;
import cn.changdu.labour.contracts.IntegrationEvent;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * A worker's wages for a period were not paid in full by the due date (欠薪). One open case per project, worker and
 * period until {@link WageArrearsCleared}; {@link WageArrearsChanged} carries a new outstanding amount.
 *
 * @param amount outstanding, exact to the fen
 */
@EventType(name = "projectlabor.WageArrearsDetected", version = 1)
public record WageArrearsDetected(
        String projectId,
        String personKey,
        YearMonth period,
        BigDecimal amount,
        LocalDate dueDate,
        boolean governmentInvested,
        String department) implements IntegrationEvent {
}
