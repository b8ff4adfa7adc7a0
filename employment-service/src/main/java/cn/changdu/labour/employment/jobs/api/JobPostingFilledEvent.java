package cn.changdu.labour.employment.jobs.api;

import java.time.LocalDate;

public record JobPostingFilledEvent(String postingId, String countyCode, int positionsFilled, int filledTotal,
                                    LocalDate filledOn) {
}
