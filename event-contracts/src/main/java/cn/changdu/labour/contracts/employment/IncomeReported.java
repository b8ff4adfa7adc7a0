package cn.changdu.labour.contracts.employment;

import cn.changdu.labour.contracts.EventType;
import cn.changdu.labour.contracts.IntegrationEvent;

import java.math.BigDecimal;
import java.time.YearMonth;

/**
 * Transfer-employment income of one placement for one month (转移就业收入): at most once per placement and period.
 *
 * @param amount yuan, exact to the fen (scale 2)
 */
@EventType(name = "employment.IncomeReported", version = 1)
public record IncomeReported(
        String placementId,
        String personKey,
        String countyCode,
        TransferChannel channel,
        YearMonth period,
        BigDecimal amount) implements IntegrationEvent {
}
