package cn.changdu.labour.projectlabor.project.api;

import java.time.LocalDate;
import java.time.YearMonth;

/** Internal: a wage-due deadline was set for a period (so it is set once). */
public record WageDueScheduledEvent(String projectId, YearMonth period, LocalDate dueDate) {
}
