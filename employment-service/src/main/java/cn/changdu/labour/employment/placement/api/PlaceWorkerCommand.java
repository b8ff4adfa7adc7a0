package cn.changdu.labour.employment.placement.api;

import cn.changdu.labour.contracts.employment.Destination;
import cn.changdu.labour.contracts.employment.TransferChannel;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;
import java.time.LocalDate;

/** Places a worker, identified by real name; the worker's record is keyed by the person key. */
public record PlaceWorkerCommand(
        @TargetAggregateIdentifier String personKey,
        String placementId,
        String name,
        String residentId,
        String countyCode,
        TransferChannel channel,
        Destination destination,
        String employer,
        LocalDate startDate,
        BigDecimal expectedMonthlyIncome) {
}
