package cn.changdu.labour.projectlabor.project.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;
import java.time.LocalDate;

/** Puts a person on the project's real-name roster (实名制花名册). */
public record JoinProjectCommand(
        @TargetAggregateIdentifier String projectId,
        String personKey,
        String name,
        String residentId,
        String phone,
        boolean localFarmerHerder,
        String homeCountyCode,
        String trade,
        BigDecimal wageRate,
        PayCycle payCycle,
        boolean socialInsuranceRegistered,
        LocalDate joinedOn) {
}
