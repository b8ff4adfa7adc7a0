package cn.changdu.labour.training.classes.api;

import java.time.LocalDate;

public record ClassFiledEvent(
        String classId,
        String countyCode,
        String organiser,
        String trade,
        int plannedSize,
        LocalDate startDate,
        LocalDate endDate) {
}
