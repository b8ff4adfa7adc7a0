package cn.changdu.labour.training.classes.api;

import java.time.LocalDate;
import java.util.List;

public record AttendanceRecordedEvent(String classId, String countyCode, LocalDate date, List<String> present,
                                      List<String> absent) {
}
