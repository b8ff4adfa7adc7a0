package cn.changdu.labour.employment.urban.api;

import java.time.LocalDate;

public record UnemploymentEndedEvent(String personKey, String countyCode, LocalDate endedOn, String reason) {
}
