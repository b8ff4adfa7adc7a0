package cn.changdu.labour.contracts.training;

import cn.changdu.labour.contracts.EventType;
import cn.changdu.labour.contracts.IntegrationEvent;

import java.time.LocalDate;

/** The attendance register of one class day (a later register for the same day replaces it). */
@EventType(name = "training.AttendanceRecorded", version = 1)
public record AttendanceRecorded(
        String classId,
        String countyCode,
        LocalDate date,
        int present,
        int absent) implements IntegrationEvent {
}
