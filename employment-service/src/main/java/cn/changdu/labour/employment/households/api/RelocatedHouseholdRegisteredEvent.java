package cn.changdu.labour.employment.households.api;

import java.time.LocalDate;

public record RelocatedHouseholdRegisteredEvent(String householdId, String countyCode, String site, String headName,
                                                String headResidentId, int membersAbleToWork,
                                                LocalDate registeredOn) {
}
