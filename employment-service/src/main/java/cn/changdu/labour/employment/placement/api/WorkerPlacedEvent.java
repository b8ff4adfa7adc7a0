package cn.changdu.labour.employment.placement.api;

import cn.changdu.labour.contracts.employment.Destination;
import cn.changdu.labour.contracts.employment.TransferChannel;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Holds personal data: it stays in this service's event store; the published form carries only the key.
 * {@code details} is null in events recorded before it existed.
 */
public record WorkerPlacedEvent(
        String personKey,
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

    public WorkerPlacedEvent(String personKey, String placementId, String name, String residentId, String countyCode,
                             TransferChannel channel, Destination destination, String employer, LocalDate startDate,
                             BigDecimal expectedMonthlyIncome) {
        this(personKey, placementId, name, residentId, countyCode, channel, destination, employer, startDate,
                expectedMonthlyIncome, null);
    }
}
