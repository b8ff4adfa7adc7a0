package cn.changdu.labour.projectlabor.project.api;

import java.time.LocalDate;
import java.time.YearMonth;

/** Internal: a period's due date passed; from now on its unpaid wages are arrears. */
public record WagePeriodPastDueEvent(String projectId, YearMonth period, LocalDate dueDate) {
}
