package cn.changdu.labour.projectlabor.project.api;

public record ProjectRegisteredEvent(
        String projectId,
        String name,
        String countyCode,
        String department,
        boolean governmentInvested,
        int plannedWorkforce) {
}
