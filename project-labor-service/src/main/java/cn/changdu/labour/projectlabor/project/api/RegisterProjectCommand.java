package cn.changdu.labour.projectlabor.project.api;

public record RegisterProjectCommand(
        String projectId,
        String name,
        String countyCode,
        String department,
        boolean governmentInvested,
        int plannedWorkforce) {
}
