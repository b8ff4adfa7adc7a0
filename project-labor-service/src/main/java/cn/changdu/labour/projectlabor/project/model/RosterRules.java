package cn.changdu.labour.projectlabor.project.model;

import cn.changdu.labour.kernel.RuleViolation;
import cn.changdu.labour.projectlabor.worker.api.RosterStint;

import java.util.List;

/**
 * The rules of a project's roster that {@link Project} keeps on a join and a roster import pre-checks on each row
 * (on the roster views, which may lag: the join still decides).
 */
public final class RosterRules {

    public static final String ON_ROSTER_ONCE = "worker-on-roster-once";
    public static final String LOCAL_WORKER_HAS_HOME_COUNTY = "local-worker-has-home-county";

    private RosterRules() {
    }

    /** A person is on a project's roster once at a time: refused while one of their stints on it has not ended. */
    public static void requireNotOnRoster(List<RosterStint> stints, String projectId) {
        if (stints.stream().anyMatch(s -> projectId.equals(s.projectId()) && s.leftOn() == null)) {
            throw new RuleViolation(ON_ROSTER_ONCE, "residentId", "此人已在本项目花名册上（在岗）");
        }
    }

    /** The same rule within one roster file: a person's second row ({@code earlierRow} is their first, or null). */
    public static void requireOncePerFile(Integer earlierRow) {
        if (earlierRow != null) {
            throw new RuleViolation(ON_ROSTER_ONCE, "residentId", "与第 " + earlierRow + " 行是同一人");
        }
    }

    /** A local farmer or herder names their home county (the local-labour share counts by it). */
    public static void requireHomeCounty(boolean localFarmerHerder, String homeCountyCode) {
        if (localFarmerHerder && homeCountyCode == null) {
            throw new RuleViolation(LOCAL_WORKER_HAS_HOME_COUNTY, "homeCountyCode", "本地农牧民须填写户籍县区代码");
        }
    }
}
