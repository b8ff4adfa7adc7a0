package cn.changdu.labour.training.trainee.api;

public record PersonWithdrawnEvent(String personKey, String classId) {
}
