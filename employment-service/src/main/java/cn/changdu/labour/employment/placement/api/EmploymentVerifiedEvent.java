package cn.changdu.labour.employment.placement.api;

import cn.changdu.labour.contracts.employment.VerificationStatus;

import java.time.LocalDate;

public record EmploymentVerifiedEvent(
        String personKey,
        String placementId,
        String countyCode,
        LocalDate verifiedOn,
        VerificationStatus status,
        String remarks,
        boolean late) {
}
