package cn.changdu.labour.employment.urban.api;

import java.time.LocalDate;

public record UrbanEmploymentRegisteredEvent(String personKey, String registrationId, String name, String residentId,
                                             String countyCode, String employer, LocalDate registeredOn) {
}
