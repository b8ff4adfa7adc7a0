package cn.changdu.labour.contracts.projectlabor;

import cn.changdu.labour.contracts.EventType;
import cn.changdu.labour.contracts.IntegrationEvent;

import java.time.LocalDate;

/**
 * A person joined a project's real-name roster. A join of a local farmer or herder is a transfer through the
 * construction channel (工程项目带动), counted for {@code homeCountyCode}; the envelope's county is the project's.
 *
 * @param localWorkers / totalWorkers the project's active roster after the join (its live local-labour share)
 */
@EventType(name = "projectlabor.WorkerJoinedProject", version = 1)
public record WorkerJoinedProject(
        String projectId,
        String personKey,
        boolean localFarmerHerder,
        String homeCountyCode,
        String trade,
        LocalDate joinedOn,
        String department,
        boolean governmentInvested,
        int localWorkers,
        int totalWorkers) implements IntegrationEvent {
}
