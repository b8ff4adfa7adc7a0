package cn.changdu.labour.projectlabor.project.api;

import java.time.LocalDate;

public record ProjectClosedEvent(String projectId, LocalDate closedOn, String countyCode, String department) {
}
