package cn.changdu.labour.training.classes.api;

import cn.changdu.labour.training.plan.api.EmploymentStatus;

import java.time.LocalDate;

/**
 * One person to enrol, by real name, as the web layer validated it (resident ID checked; birth date and sex
 * derived from it). {@code previousTrainingYear} and {@code employmentStatus} support the consolidation-training
 * rule.
 */
public record Enrolment(
        String personKey,
        String name,
        String residentId,
        LocalDate birthDate,
        String sex,
        String township,
        String village,
        String phone,
        boolean registeredPoor,
        String relocationHouseholdId,
        String relocationSite,
        boolean consolidationTraining,
        Integer previousTrainingYear,
        EmploymentStatus employmentStatus) {
}
