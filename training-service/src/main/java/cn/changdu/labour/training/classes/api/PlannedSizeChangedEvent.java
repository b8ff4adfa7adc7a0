package cn.changdu.labour.training.classes.api;

public record PlannedSizeChangedEvent(String classId, String countyCode, int previousSize, int plannedSize, String reason) {
}
