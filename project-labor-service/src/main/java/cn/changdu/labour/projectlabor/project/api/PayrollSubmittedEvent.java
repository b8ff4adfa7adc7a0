package cn.changdu.labour.projectlabor.project.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/** @param lines every line with its amount due settled (exact to the fen) */
public record PayrollSubmittedEvent(
        String projectId,
        YearMonth period,
        List<PayrollLine> lines,
        BigDecimal totalDue,
        LocalDate dueDate,
        LocalDate submittedOn,
        String countyCode,
        String department) {
}
