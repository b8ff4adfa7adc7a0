package cn.changdu.labour.employment.jobs.api;

import java.time.LocalDate;

public record JobPostingWithdrawnEvent(String postingId, String countyCode, int unfilledPositions, String reason,
                                       LocalDate withdrawnOn) {
}
