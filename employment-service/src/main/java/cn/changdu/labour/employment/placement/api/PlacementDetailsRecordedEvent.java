package cn.changdu.labour.employment.placement.api;

import cn.changdu.labour.contracts.employment.Destination;
import cn.changdu.labour.contracts.employment.OrganisedBy;
import cn.changdu.labour.contracts.employment.TransferChannel;

import java.time.LocalDate;

/** Applied right after {@link WorkerPlacedEvent}: the placement's details and its scheduled 3-month check. */
public record PlacementDetailsRecordedEvent(
        String personKey,
        String placementId,
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
        String verificationDeadlineId) {

    public boolean governmentOrganisedOutOfRegion() {
        return organisedBy == OrganisedBy.GOVERNMENT && destination == Destination.OUT_OF_REGION;
    }
}
