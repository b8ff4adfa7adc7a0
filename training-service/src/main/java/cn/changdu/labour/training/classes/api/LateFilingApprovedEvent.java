package cn.changdu.labour.training.classes.api;

import java.time.LocalDate;

public record LateFilingApprovedEvent(
        String classId,
        String countyCode,
        String reason,
        String approver,
        LocalDate startDate,
        LocalDate filedOn,
        LocalDate latestFilingDate) {
}
