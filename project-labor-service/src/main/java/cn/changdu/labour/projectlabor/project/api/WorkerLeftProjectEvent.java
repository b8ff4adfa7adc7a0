package cn.changdu.labour.projectlabor.project.api;

import java.time.LocalDate;

/** {@code localWorkers}/{@code totalWorkers} are the active roster after the departure. */
public record WorkerLeftProjectEvent(
        String projectId,
        String personKey,
        boolean localFarmerHerder,
        LocalDate joinedOn,
        LocalDate leftOn,
        String countyCode,
        String department,
        int localWorkers,
        int totalWorkers) {
}
