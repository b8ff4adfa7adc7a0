package cn.changdu.labour.projectlabor.project.api;

import java.math.BigDecimal;
import java.time.YearMonth;

/** Open arrears changed (a partial payment, a corrected payroll); {@code amount} is what is still owed. */
public record WageArrearsChangedEvent(
        String projectId,
        String personKey,
        YearMonth period,
        BigDecimal amount,
        boolean governmentInvested,
        String countyCode,
        String department) {
}
