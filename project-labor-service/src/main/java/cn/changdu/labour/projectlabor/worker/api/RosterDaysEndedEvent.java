package cn.changdu.labour.projectlabor.worker.api;

import java.time.LocalDate;

public record RosterDaysEndedEvent(String personKey, String projectId, LocalDate leftOn) {
}
