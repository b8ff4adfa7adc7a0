package cn.changdu.labour.employment.placement.api;

import cn.changdu.labour.contracts.employment.VerificationStatus;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

public record VerifyEmploymentCommand(
        @TargetAggregateIdentifier String personKey,
        String placementId,
        LocalDate verifiedOn,
        VerificationStatus status,
        String remarks) {
}
