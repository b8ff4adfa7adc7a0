package cn.changdu.labour.employment.placement.api;

import cn.changdu.labour.contracts.employment.EndReason;

import java.time.LocalDate;

public record EmploymentEndedEvent(
        String personKey,
        String placementId,
        String countyCode,
        String householdId,
        LocalDate endedOn,
        EndReason reason,
        String remarks) {
}
