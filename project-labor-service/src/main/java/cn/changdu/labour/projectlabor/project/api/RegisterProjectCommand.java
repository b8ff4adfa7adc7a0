package cn.changdu.labour.projectlabor.project.api;

public record RegisterProjectCommand(
        String projectId,
        String name,
        String countyCode,
        String department,
        boolean governmentInvested,
        int plannedWorkforce,
        ProjectDetails details) {

    public RegisterProjectCommand(String projectId, String name, String countyCode, String department,
                                  boolean governmentInvested, int plannedWorkforce) {
        this(projectId, name, countyCode, department, governmentInvested, plannedWorkforce, null);
    }
}
