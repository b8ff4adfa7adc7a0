package cn.changdu.labour.training.classes.api;

import java.time.LocalDate;

public record FileClassCommand(
        String classId,
        String countyCode,
        String organiser,
        String trade,
        int plannedSize,
        LocalDate startDate,
        LocalDate endDate) {
}
