package cn.changdu.labour.projectlabor.worker.api;

import java.time.LocalDate;

public record RosterDaysReleasedEvent(String personKey, String projectId, LocalDate joinedOn) {
}
