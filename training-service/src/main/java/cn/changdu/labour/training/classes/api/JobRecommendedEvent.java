package cn.changdu.labour.training.classes.api;

import java.time.LocalDate;

public record JobRecommendedEvent(String classId, String personKey, String countyCode, String employer,
                                  String position, LocalDate recommendedOn, int recommendationNumber,
                                  LocalDate classEndDate) {
}
