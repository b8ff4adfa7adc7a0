package cn.changdu.labour.training.trainee.api;

import cn.changdu.labour.training.plan.api.EmploymentStatus;
import cn.changdu.labour.training.plan.api.TrainingCategory;

import java.time.LocalDate;

public record PersonEnrolledEvent(
        String personKey,
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
