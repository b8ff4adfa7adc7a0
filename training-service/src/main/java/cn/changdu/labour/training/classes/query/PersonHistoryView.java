package cn.changdu.labour.training.classes.query;

import cn.changdu.labour.contracts.person.ResidentId;
import cn.changdu.labour.support.web.Caller;
import cn.changdu.labour.training.classes.query.TrainingQueries.DuplicateAttempt;
import cn.changdu.labour.training.classes.query.TrainingQueries.PersonClass;
import cn.changdu.labour.training.classes.query.TrainingQueries.PersonHistory;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

import java.util.List;
import java.util.Optional;

/**
 * A person's training history: who they are (absent when nothing was ever recorded about them; masked unless the
 * caller may see personal data), their classes and their refused duplicate-training attempts, in the order seen.
 */
public record PersonHistoryView(String personKey, @JsonUnwrapped PersonView person, List<PersonClassView> classes,
                                List<DuplicateAttemptView> duplicateTrainingAttempts) {

    public record PersonView(String name, String residentId, String phone) {
    }

    /**
     * A class as the person's record shows it: its dates once the person's record has them, the result once
     * assessed.
     */
    public record PersonClassView(String classId, String countyCode, String trade, String status,
                                  @JsonUnwrapped RecordedDates recorded,
                                  @JsonInclude(JsonInclude.Include.NON_NULL) Boolean passed) {
    }

    public record RecordedDates(String startDate, String endDate, String category, Boolean registeredPoor,
                                Boolean consolidationTraining) {
    }

    public record DuplicateAttemptView(String classId, String countyCode, String trade, String startDate,
                                       String earlierClassId, String earlierCountyCode, String earlierStartDate) {
    }

    public static PersonHistoryView of(String personKey, Optional<PersonHistory> found, Caller caller) {
        return new PersonHistoryView(personKey,
                found.map(p -> new PersonView(caller.personal(p.name(), Caller::maskName),
                        caller.personal(p.residentId(), id -> new ResidentId(id).masked()),
                        caller.personal(p.phone(), Caller::maskPhone))).orElse(null),
                found.map(p -> p.classes().stream().map(PersonHistoryView::personClass).toList()).orElse(List.of()),
                found.map(p -> p.duplicateAttempts().stream().map(PersonHistoryView::attempt).toList()).orElse(List.of()));
    }

    private static PersonClassView personClass(PersonClass c) {
        return new PersonClassView(c.classId(), c.countyCode(), c.trade(), c.status(),
                c.startDate() == null ? null : new RecordedDates(Texts.of(c.startDate()), Texts.of(c.endDate()),
                        c.category(), c.registeredPoor(), c.consolidationTraining()),
                c.passed());
    }

    private static DuplicateAttemptView attempt(DuplicateAttempt a) {
        return new DuplicateAttemptView(a.classId(), a.countyCode(), a.trade(), Texts.of(a.startDate()),
                a.earlierClassId(), a.earlierCountyCode(), Texts.of(a.earlierStartDate()));
    }
}
