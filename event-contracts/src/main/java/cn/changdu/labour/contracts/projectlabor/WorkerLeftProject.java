package cn.changdu.labour.contracts.projectlabor;

import cn.changdu.labour.contracts.EventType;
import cn.changdu.labour.contracts.IntegrationEvent;

import java.time.LocalDate;

/** @param localWorkers / totalWorkers the project's active roster after the departure */
@EventType(name = "projectlabor.WorkerLeftProject", version = 1)
public record WorkerLeftProject(
        String projectId,
        String personKey,
        boolean localFarmerHerder,
        LocalDate leftOn,
        String department,
        int localWorkers,
        int totalWorkers) implements IntegrationEvent {
}
