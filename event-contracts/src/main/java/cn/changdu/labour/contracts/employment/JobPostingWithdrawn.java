package cn.changdu.labour.contracts.employment;

import cn.changdu.labour.contracts.EventType;
import cn.changdu.labour.contracts.IntegrationEvent;

import java.time.LocalDate;

/** A posting was withdrawn; its unfilled positions are no longer open (those published still count as developed). */
@EventType(name = "employment.JobPostingWithdrawn", version = 1)
public record JobPostingWithdrawn(
        String postingId,
        String countyCode,
        int unfilledPositions,
        LocalDate withdrawnOn) implements IntegrationEvent {
}
