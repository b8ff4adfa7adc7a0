package cn.changdu.labour.training.classes.app;

import cn.changdu.labour.training.plan.api.EmploymentStatus;

/**
 * A person to enrol as entered (one enrolment request, or one row of a roster file), already checked for format:
 * the resident ID is valid, the texts fit.
 */
public record Applicant(String name, String residentId, String township, String phone, String village,
                        Boolean registeredPoor, String relocationHouseholdId, String relocationSite,
                        Boolean consolidationTraining, Integer previousTrainingYear, EmploymentStatus employmentStatus) {
}
