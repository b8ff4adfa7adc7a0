package cn.changdu.labour.contracts.projectlabor;

import cn.changdu.labour.contracts.EventType;
import cn.changdu.labour.contracts.IntegrationEvent;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;

/** A project's payroll for a period; a later one for the same period replaces it. Amounts exact to the fen. */
@EventType(name = "projectlabor.PayrollSubmitted", version = 1)
public record PayrollSubmitted(
        String projectId,
        YearMonth period,
        int workers,
        BigDecimal totalDue,
        LocalDate dueDate,
        LocalDate submittedOn) implements IntegrationEvent {
}
