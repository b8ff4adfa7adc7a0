package cn.changdu.labour.training.classes.api;

import java.time.LocalDate;
import java.util.List;

public record ClassInspectedEvent(String classId, String countyCode, int inspectionNumber, String inspector,
                                  LocalDate inspectedOn, List<InspectionResult> results) {
}
