package cn.changdu.labour.training.classes.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * Puts a person on a class's roster; {@code personKey} is the pseudonym derived from the resident ID. Answers the
 * class's facts the person's record needs. The API sends {@link EnrolTraineesCommand}, which also checks the
 * person's other classes.
 */
public record EnrolTraineeCommand(
        @TargetAggregateIdentifier String classId,
        String personKey,
        String name,
        String residentId,
        String township,
        String phone,
        String village,
        boolean registeredPoor,
        String relocationHouseholdId,
        String relocationSite,
        boolean consolidationTraining,
        LocalDate birthDate,
        String sex) {

    public EnrolTraineeCommand(String classId, String personKey, String name, String residentId, String township,
                                String phone) {
        this(classId, personKey, name, residentId, township, phone, null, false, null, null, false, null, null);
    }
}
