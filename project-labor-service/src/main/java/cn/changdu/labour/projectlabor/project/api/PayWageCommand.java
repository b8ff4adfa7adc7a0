package cn.changdu.labour.projectlabor.project.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * Records a wage paid to a worker (by real name) for one pay period; amount in yuan, exact to the fen.
 *
 * @param channel null when the request did not say
 */
public record PayWageCommand(
        @TargetAggregateIdentifier String projectId,
        String paymentId,
        String personKey,
        String name,
        String residentId,
        YearMonth period,
        BigDecimal amount,
        LocalDate paidOn,
        PaymentChannel channel) {

    public PayWageCommand(String projectId, String paymentId, String personKey, String name, String residentId,
                          YearMonth period, BigDecimal amount, LocalDate paidOn) {
        this(projectId, paymentId, personKey, name, residentId, period, amount, paidOn, null);
    }
}
