package cn.changdu.labour.employment.intermediaries.api;

import java.time.LocalDate;

public record IntermediarySuspendedEvent(String intermediaryId, String countyCode, String reason,
                                         LocalDate suspendedOn) {
}
