package cn.changdu.labour.contracts.employment;

import cn.changdu.labour.contracts.EventType;
import cn.changdu.labour.contracts.IntegrationEvent;

import java.time.LocalDate;

/**
 * What a placement adds to {@link WorkerPlaced} (published right after it, same aggregate): who organised it, the
 * destination province, the intermediary, the training class it followed, the project, the relocated household, the
 * job fair, and when its 3-month verification falls due. Optional fields are null when not recorded.
 *
 * @param governmentOrganisedOutOfRegion counts for the plan's ≥ 1,100 government-organised out-of-region transfers:
 *                                       organised by the government and working out of the region
 */
@EventType(name = "employment.PlacementDetailsRecorded", version = 1)
public record PlacementDetailsRecorded(
        String placementId,
        String personKey,
        String countyCode,
        TransferChannel channel,
        Destination destination,
        OrganisedBy organisedBy,
        String destinationProvince,
        String intermediaryId,
        String trainingClassId,
        String projectId,
        String householdId,
        String jobFairId,
        LocalDate startDate,
        LocalDate verificationDueOn,
        boolean governmentOrganisedOutOfRegion) implements IntegrationEvent {
}
