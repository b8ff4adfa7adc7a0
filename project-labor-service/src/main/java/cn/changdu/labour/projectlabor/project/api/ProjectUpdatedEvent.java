package cn.changdu.labour.projectlabor.project.api;

/** The project's particulars after the change (whole, so readers need no earlier state). */
public record ProjectUpdatedEvent(
        String projectId,
        String name,
        String countyCode,
        String department,
        boolean governmentInvested,
        int plannedWorkforce,
        ProjectDetails details) {
}
