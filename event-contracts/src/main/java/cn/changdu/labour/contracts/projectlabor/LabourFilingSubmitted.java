package cn.changdu.labour.contracts.projectlabor;

import cn.changdu.labour.contracts.EventType;
import cn.changdu.labour.contracts.IntegrationEvent;

import java.time.LocalDate;

/** The project's real-name labour statistics were filed with the local HR bureau (劳动用工备案). */
@EventType(name = "projectlabor.LabourFilingSubmitted", version = 1)
public record LabourFilingSubmitted(
        String projectId,
        String filingId,
        String department,
        String hrOffice,
        LocalDate filedOn,
        int workers,
        int localWorkers) implements IntegrationEvent {
}
