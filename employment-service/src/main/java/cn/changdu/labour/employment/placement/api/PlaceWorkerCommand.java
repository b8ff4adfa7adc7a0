package cn.changdu.labour.employment.placement.api;

import cn.changdu.labour.contracts.employment.Destination;
import cn.changdu.labour.contracts.employment.TransferChannel;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Places a worker, identified by real name; the worker's record is keyed by the person key. The fields after
 * {@code expectedMonthlyIncome} are optional (null when not recorded).
 */
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
        BigDecimal expectedMonthlyIncome,
        PlacementDetails details) {

    public PlaceWorkerCommand(String personKey, String placementId, String name, String residentId, String countyCode,
                              TransferChannel channel, Destination destination, String employer, LocalDate startDate,
                              BigDecimal expectedMonthlyIncome) {
        this(personKey, placementId, name, residentId, countyCode, channel, destination, employer, startDate,
                expectedMonthlyIncome, PlacementDetails.NONE);
    }

    public PlaceWorkerCommand {
        details = details == null ? PlacementDetails.NONE : details;
    }
}
