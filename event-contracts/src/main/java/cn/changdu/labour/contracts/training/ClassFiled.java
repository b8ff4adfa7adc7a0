package cn.changdu.labour.contracts.training;

import cn.changdu.labour.contracts.EventType;
import cn.changdu.labour.contracts.IntegrationEvent;

import java.time.LocalDate;

/** A training class was filed with the county public employment service (开班报备). */
@EventType(name = "training.ClassFiled", version = 1)
public record ClassFiled(
        String classId,
        String countyCode,
        String organiser,
        String trade,
        int plannedSize,
        LocalDate startDate,
        LocalDate endDate) implements IntegrationEvent {
}
