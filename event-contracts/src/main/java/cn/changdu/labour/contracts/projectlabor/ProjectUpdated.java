package cn.changdu.labour.contracts.projectlabor;

import cn.changdu.labour.contracts.EventType;
import cn.changdu.labour.contracts.IntegrationEvent;

/** A project's particulars changed; the payload holds them whole (county and department never change). */
@EventType(name = "projectlabor.ProjectUpdated", version = 1)
public record ProjectUpdated(
        String projectId,
        String name,
        String countyCode,
        String department,
        boolean governmentInvested,
        int plannedWorkforce) implements IntegrationEvent {
}
