package cn.changdu.labour.generator.model;

import cn.changdu.labour.generator.model.People.Person;

import java.time.LocalDateTime;

/**
 * Someone trained this year put forward for another class of the same trade within 365 days (多头培训): the service
 * refuses it and records the attempt, which the dashboard alerts on.
 *
 * @param targetClassNo the class they are put forward for ({@link TrainingClass#no()})
 */
public record DuplicateAttempt(Person person, TrainingClass earlier, int targetClassNo, LocalDateTime at) {
}
