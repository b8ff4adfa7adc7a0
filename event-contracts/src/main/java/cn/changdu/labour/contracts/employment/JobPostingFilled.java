package cn.changdu.labour.contracts.employment;

import cn.changdu.labour.contracts.EventType;
import cn.changdu.labour.contracts.IntegrationEvent;

import java.time.LocalDate;

/** Positions of a posting were filled; {@code filledTotal} is the posting's total so far (≤ its positions). */
@EventType(name = "employment.JobPostingFilled", version = 1)
public record JobPostingFilled(
        String postingId,
        String countyCode,
        int positionsFilled,
        int filledTotal,
        LocalDate filledOn) implements IntegrationEvent {
}
