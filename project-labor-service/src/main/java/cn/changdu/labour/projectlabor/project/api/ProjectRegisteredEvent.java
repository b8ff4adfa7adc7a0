package cn.changdu.labour.projectlabor.project.api;

/** @param details null on events recorded before projects had details */
public record ProjectRegisteredEvent(
        String projectId,
        String name,
        String countyCode,
        String department,
        boolean governmentInvested,
        int plannedWorkforce,
        ProjectDetails details) {

    public ProjectRegisteredEvent(String projectId, String name, String countyCode, String department,
                                  boolean governmentInvested, int plannedWorkforce) {
        this(projectId, name, countyCode, department, governmentInvested, plannedWorkforce, null);
    }
}
