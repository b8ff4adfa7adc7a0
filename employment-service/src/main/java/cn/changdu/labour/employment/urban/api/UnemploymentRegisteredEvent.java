package cn.changdu.labour.employment.urban.api;

import java.time.LocalDate;

public record UnemploymentRegisteredEvent(String personKey, String name, String residentId, String countyCode,
                                          LocalDate registeredOn) {
}
