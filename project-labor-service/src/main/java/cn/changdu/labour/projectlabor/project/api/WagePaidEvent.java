package cn.changdu.labour.projectlabor.project.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * Holds personal data: it stays in this service's event store; the published form carries only the key.
 *
 * @param channel  null when not stated (and on events recorded before it existed)
 * @param onRoster whether the worker was on the project's roster in the period (null on older events); a payment
 *                 to someone not on the roster is recorded, and shows in the payroll view as off-roster
 */
public record WagePaidEvent(
        String projectId,
        String paymentId,
        String personKey,
        String name,
        String residentId,
        YearMonth period,
        BigDecimal amount,
        LocalDate paidOn,
        String countyCode,
        PaymentChannel channel,
        Boolean onRoster) {

    public WagePaidEvent(String projectId, String paymentId, String personKey, String name, String residentId,
                         YearMonth period, BigDecimal amount, LocalDate paidOn, String countyCode) {
        this(projectId, paymentId, personKey, name, residentId, period, amount, paidOn, countyCode, null, null);
    }
}
