package cn.changdu.labour.contracts.projectlabor;

import cn.changdu.labour.contracts.EventType;
import cn.changdu.labour.contracts.IntegrationEvent;

import java.time.LocalDate;

/** A project was closed (all workers have left); it no longer counts for the live local-labour share. */
@EventType(name = "projectlabor.ProjectClosed", version = 1)
public record ProjectClosed(String projectId, String department, LocalDate closedOn) implements IntegrationEvent {
}
