package cn.changdu.labour.contracts.projectlabor;

/**
 * The plan's rule for a project's workforce (measure 8): at least 30% local farmers and herders on its active
 * roster. One definition for the service that raises {@link LocalLabourShareBelowTarget} and the dashboard that
 * shows each project's share.
 */
public final class LocalLabourShare {

    public static final int TARGET_PERCENT = 30;

    private LocalLabourShare() {
    }

    /** Below the target: people are on the roster and fewer than 30% of them are local (exactly 30% meets it). */
    public static boolean below(int localWorkers, int totalWorkers) {
        return totalWorkers > 0 && localWorkers * 100L < TARGET_PERCENT * (long) totalWorkers;
    }
}
