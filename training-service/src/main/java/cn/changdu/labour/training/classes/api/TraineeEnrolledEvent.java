package cn.changdu.labour.training.classes.api;

import java.time.LocalDate;

/** Holds personal data: it stays in this service's event store; the published form carries only the key. */
public record TraineeEnrolledEvent(
        String classId,
        String personKey,
        String name,
        String residentId,
        String township,
        String phone,
        String countyCode,
        String trade,
        String village,
        boolean registeredPoor,
        String relocationHouseholdId,
        String relocationSite,
        boolean consolidationTraining,
        LocalDate birthDate,
        String sex) {

    public TraineeEnrolledEvent(String classId, String personKey, String name, String residentId, String township,
                                String phone, String countyCode, String trade) {
        this(classId, personKey, name, residentId, township, phone, countyCode, trade, null, false, null, null,
                false, null, null);
    }
}
