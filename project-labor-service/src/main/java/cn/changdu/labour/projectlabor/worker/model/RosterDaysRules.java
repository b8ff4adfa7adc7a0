package cn.changdu.labour.projectlabor.worker.model;

import cn.changdu.labour.kernel.RuleViolation;
import cn.changdu.labour.projectlabor.worker.api.RosterStint;

import java.time.LocalDate;
import java.util.List;

/**
 * One roster at a time, city-wide: {@link ProjectWorker} keeps it on a person's own days when they are reserved; a
 * bulk import pre-checks the same rule on the roster views (which may lag, so the reservation still decides).
 */
public final class RosterDaysRules {

    public static final String ONE_ROSTER_AT_A_TIME = "one-roster-at-a-time";
    public static final String ON_ROSTER_ONCE = "worker-on-roster-once";

    private RosterDaysRules() {
    }

    /** Whether days from {@code joinedOn} on (open-ended) meet the stint: it has not ended before that day. */
    public static boolean meets(RosterStint stint, LocalDate joinedOn) {
        return stint.leftOn() == null || !stint.leftOn().isBefore(joinedOn);
    }

    /** Refuses days on the project from {@code joinedOn} on that meet one of the person's stints. */
    public static void requireFree(List<RosterStint> stints, String projectId, LocalDate joinedOn) {
        for (RosterStint stint : stints) {
            if (meets(stint, joinedOn)) {
                if (stint.projectId().equals(projectId)) {
                    throw new RuleViolation(ON_ROSTER_ONCE, "residentId",
                            stint.leftOn() == null ? "此人已在本项目花名册上（在岗）" : "进场日期须晚于此人上次在本项目的离场日期");
                }
                throw new RuleViolation(ONE_ROSTER_AT_A_TIME, "residentId",
                        "此人同期已在另一个项目的花名册上（项目 " + stint.projectId() + "，" + stint.joinedOn() + " 进场"
                                + (stint.leftOn() == null ? "，尚未离场" : "，" + stint.leftOn() + " 离场") + "）");
            }
        }
    }

    /**
     * The same rule on the stints the views show (after the import has refused a person active on this roster): a
     * row is refused when its days meet any of them, without naming the project (the view may be behind).
     */
    public static void requireFreeAsViewed(List<RosterStint> stints, LocalDate joinedOn) {
        if (stints.stream().anyMatch(s -> meets(s, joinedOn))) {
            throw new RuleViolation(ONE_ROSTER_AT_A_TIME, "residentId", "此人同期已在另一个项目的花名册上");
        }
    }
}
