package cn.changdu.labour.training.classes.api;

import java.time.LocalDate;

public record TraineeAssessedEvent(String classId, String personKey, String countyCode, boolean passed,
                                   LocalDate assessedOn) {
}
