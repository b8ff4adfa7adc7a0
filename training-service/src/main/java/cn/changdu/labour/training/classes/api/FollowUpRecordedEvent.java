package cn.changdu.labour.training.classes.api;

import cn.changdu.labour.training.plan.api.EmploymentStatus;

import java.time.LocalDate;

public record FollowUpRecordedEvent(String classId, String personKey, String countyCode, LocalDate followedUpOn,
                                    int followUpNumber, EmploymentStatus employmentStatus, String employer,
                                    String remarks, LocalDate classEndDate) {
}
