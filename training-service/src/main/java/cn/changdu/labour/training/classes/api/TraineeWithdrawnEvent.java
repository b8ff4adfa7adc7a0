package cn.changdu.labour.training.classes.api;

import java.time.LocalDate;

public record TraineeWithdrawnEvent(String classId, String personKey, String countyCode, String reason,
                                    LocalDate withdrawnOn) {
}
