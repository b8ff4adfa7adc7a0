package cn.changdu.labour.employment.placement.app;

import cn.changdu.labour.employment.placement.api.PlacementDetails;
import cn.changdu.labour.employment.placement.model.PlacementRules.NamedRecords;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads what {@link cn.changdu.labour.employment.placement.model.PlacementRules#checkNamedRecords} needs through the
 * read ports the other features' views implement: one read per view for all the placements given (a whole file),
 * none for a view no placement names.
 */
@Component
public class NamedRecordsReader {

    private final IntermediaryStatuses intermediaries;
    private final RegisteredHouseholds households;
    private final HeldJobFairs jobFairs;

    public NamedRecordsReader(IntermediaryStatuses intermediaries, RegisteredHouseholds households,
                              HeldJobFairs jobFairs) {
        this.intermediaries = intermediaries;
        this.households = households;
        this.jobFairs = jobFairs;
    }

    public NamedRecords of(Collection<PlacementDetails> placements) {
        return new NamedRecords(intermediaries.statuses(named(placements, PlacementDetails::intermediaryId)),
                households.registered(named(placements, PlacementDetails::householdId)),
                jobFairs.held(named(placements, PlacementDetails::jobFairId)));
    }

    /** The intermediary's status (RECOGNISED or SUSPENDED), null when unknown. */
    public String intermediaryStatus(String intermediaryId) {
        return intermediaries.status(intermediaryId).orElse(null);
    }

    private static Set<String> named(Collection<PlacementDetails> placements, Function<PlacementDetails, String> id) {
        return placements.stream().map(id).filter(Objects::nonNull).collect(Collectors.toSet());
    }
}
