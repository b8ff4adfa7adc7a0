package cn.changdu.labour.employment.placement.app;

import cn.changdu.labour.employment.placement.query.PlacementQueries;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.Map;

/** What other features read of the placements: how many name each job fair (the job-fair list shows it). */
@Component
public class PlacementCounts {

    private final PlacementQueries placements;

    public PlacementCounts(PlacementQueries placements) {
        this.placements = placements;
    }

    /** Placements per job fair (ended ones included), in one read; fairs without any are absent. */
    public Map<String, Long> byJobFair(Collection<String> jobFairIds) {
        return placements.countsByJobFair(jobFairIds);
    }
}
