package cn.changdu.labour.training.classes.api;

/** Holds personal data: it stays in this service's event store; the published form carries only the key. */
public record TraineeEnrolledEvent(
        String classId,
        String personKey,
        String name,
        String residentId,
        String township,
        String phone,
        String countyCode,
        String trade) {
}
