package cn.changdu.labour.contracts.projectlabor;

import cn.changdu.labour.contracts.EventType;
import cn.changdu.labour.contracts.IntegrationEvent;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * A wage was paid to a worker on a project for one pay period.
 *
 * @param amount yuan, exact to the fen (scale 2)
 */
@EventType(name = "projectlabor.WagePaid", version = 1)
public record WagePaid(
        String projectId,
        String paymentId,
        String personKey,
        YearMonth period,
        BigDecimal amount,
        LocalDate paidOn) implements IntegrationEvent {
}
