package cn.changdu.labour.employment.placement.api;

import java.time.LocalDate;

public record EmploymentVerificationOverdueEvent(
        String personKey,
        String placementId,
        String countyCode,
        LocalDate dueOn) {
}
