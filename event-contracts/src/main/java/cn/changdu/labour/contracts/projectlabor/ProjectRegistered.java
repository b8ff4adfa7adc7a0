package cn.changdu.labour.contracts.projectlabor;

import cn.changdu.labour.contracts.EventType;
import cn.changdu.labour.contracts.IntegrationEvent;

/** A construction project was registered by the department that owns it. */
@EventType(name = "projectlabor.ProjectRegistered", version = 1)
public record ProjectRegistered(
        String projectId,
        String name,
        String countyCode,
        String department,
        boolean governmentInvested,
        int plannedWorkforce) implements IntegrationEvent {
}
