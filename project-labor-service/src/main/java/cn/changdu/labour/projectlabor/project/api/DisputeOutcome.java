package cn.changdu.labour.projectlabor.project.api;

/** How a labour dispute ended (劳动争议调处结果). */
public enum DisputeOutcome {
    MEDIATED,
    ARBITRATION_AWARD,
    COURT_JUDGMENT,
    WITHDRAWN,
    DISMISSED
}
