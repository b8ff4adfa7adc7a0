package cn.changdu.labour.projectlabor.worker.api;

import java.time.LocalDate;

/** A person's days on one project's roster: from {@code joinedOn} to {@code leftOn}, or on (null: still there). */
public record RosterStint(String projectId, LocalDate joinedOn, LocalDate leftOn) {
}
