package cn.changdu.labour.training.trainee.api;

import cn.changdu.labour.training.plan.api.EmploymentStatus;
import cn.changdu.labour.training.plan.api.TrainingCategory;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Records an enrolment on the person's own training record, which checks the rules across classes. */
public record RecordPersonEnrolmentCommand(
        @TargetAggregateIdentifier String personKey,
        String classId,
        String countyCode,
        String trade,
        TrainingCategory category,
        boolean orderDirected,
        LocalDate startDate,
        LocalDate endDate,
        boolean registeredPoor,
        boolean consolidationTraining,
        Integer previousTrainingYear,
        EmploymentStatus employmentStatus,
        String relocationHouseholdId,
        String relocationSite) {
}
