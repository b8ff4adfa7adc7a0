package cn.changdu.labour.projectlabor.project.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;

/** Holds personal data: it stays in this service's event store; the published form carries only the key. */
public record WagePaidEvent(
        String projectId,
        String paymentId,
        String personKey,
        String name,
        String residentId,
        YearMonth period,
        BigDecimal amount,
        LocalDate paidOn,
        String countyCode) {
}
