package cn.changdu.labour.training.classes.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Enrols a person by real name; {@code personKey} is the pseudonym derived from the resident ID. */
public record EnrollTraineeCommand(
        @TargetAggregateIdentifier String classId,
        String personKey,
        String name,
        String residentId,
        String township,
        String phone) {
}
