package cn.changdu.labour.contracts.employment;

import cn.changdu.labour.contracts.EventType;
import cn.changdu.labour.contracts.IntegrationEvent;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A rural worker was placed in a job (转移就业) through one of the plan's channels.
 *
 * @param countyCode            the worker's county of origin (the county the transfer counts for)
 * @param expectedMonthlyIncome yuan, exact to the fen
 */
@EventType(name = "employment.WorkerPlaced", version = 1)
public record WorkerPlaced(
        String placementId,
        String personKey,
        String countyCode,
        TransferChannel channel,
        Destination destination,
        String employer,
        LocalDate startDate,
        BigDecimal expectedMonthlyIncome) implements IntegrationEvent {
}
