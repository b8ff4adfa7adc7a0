package cn.changdu.labour.training.classes.api;

/** Takes a person off a class's roster and frees the dates on the person's record, together. */
public record WithdrawFromClassCommand(String classId, String personKey, String reason) {
}
