package cn.changdu.labour.employment.placement.api;

import cn.changdu.labour.contracts.employment.EndReason;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

public record EndEmploymentCommand(
        @TargetAggregateIdentifier String personKey,
        String placementId,
        LocalDate endedOn,
        EndReason reason,
        String remarks) {
}
