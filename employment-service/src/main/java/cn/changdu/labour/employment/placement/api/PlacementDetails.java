package cn.changdu.labour.employment.placement.api;

import cn.changdu.labour.contracts.employment.OrganisedBy;

/** The optional facts of a placement; every field may be null. */
public record PlacementDetails(
        OrganisedBy organisedBy,
        String destinationProvince,
        String intermediaryId,
        String trainingClassId,
        String projectId,
        String householdId,
        String jobFairId,
        String township,
        String phone) {

    public static final PlacementDetails NONE = new PlacementDetails(null, null, null, null, null, null, null, null, null);
}
