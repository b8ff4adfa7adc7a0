package cn.changdu.labour.projectlabor.project.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;

/** @param amount outstanding (due less paid), exact to the fen */
public record WageArrearsDetectedEvent(
        String projectId,
        String personKey,
        String name,
        YearMonth period,
        BigDecimal amountDue,
        BigDecimal amount,
        LocalDate dueDate,
        boolean governmentInvested,
        String countyCode,
        String department) {
}
