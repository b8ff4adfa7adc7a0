package cn.changdu.labour.training.trainee.model;

/**
 * The plan's number a person's training record is checked with, handed to {@link Trainee}'s command handlers (built
 * from {@code training.duplicate-training-window-days} in application.yml).
 *
 * @param duplicateTrainingWindowDays a second class in the same trade starting within this many days is duplicate
 */
public record TrainingRecordPolicy(int duplicateTrainingWindowDays) {
}
