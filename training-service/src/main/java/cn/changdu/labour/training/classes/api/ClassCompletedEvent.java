package cn.changdu.labour.training.classes.api;

import cn.changdu.labour.training.plan.api.TrainingCategory;

import java.math.BigDecimal;
import java.time.LocalDate;

public record ClassCompletedEvent(String classId, String countyCode, String trade, TrainingCategory category,
                                  boolean orderDirected, LocalDate endDate, LocalDate completedOn, int trainees,
                                  int passed, BigDecimal passRate, int inspections) {
}
