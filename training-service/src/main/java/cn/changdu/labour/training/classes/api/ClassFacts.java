package cn.changdu.labour.training.classes.api;

import cn.changdu.labour.training.plan.api.TrainingCategory;

import java.time.LocalDate;

/** What a person's training record needs to know about a class. */
public record ClassFacts(String classId, String countyCode, String trade, TrainingCategory category,
                         boolean orderDirected, LocalDate startDate, LocalDate endDate) {
}
