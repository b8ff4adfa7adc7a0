package cn.changdu.labour.training.classes.model;

import cn.changdu.labour.support.domain.RuleViolation;
import cn.changdu.labour.training.classes.api.ClassFiledEvent;
import cn.changdu.labour.training.classes.api.EnrollTraineeCommand;
import cn.changdu.labour.training.classes.api.FileClassCommand;
import cn.changdu.labour.training.classes.api.TraineeEnrolledEvent;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.HashSet;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A training class filed with the county: the consistency boundary for its roster. */
@Aggregate
public class TrainingClass {

    @AggregateIdentifier
    private String classId;
    private String countyCode;
    private String trade;
    private int plannedSize;
    private final Set<String> trainees = new HashSet<>();

    protected TrainingClass() {
        // for Axon
    }

    @CommandHandler
    public TrainingClass(FileClassCommand command) {
        if (command.endDate().isBefore(command.startDate())) {
            throw new RuleViolation("class-ends-after-it-starts", "endDate", "结束日期不能早于开班日期");
        }
        apply(new ClassFiledEvent(command.classId(), command.countyCode(), command.organiser(), command.trade(),
                command.plannedSize(), command.startDate(), command.endDate()));
    }

    @CommandHandler
    public void handle(EnrollTraineeCommand command) {
        if (trainees.contains(command.personKey())) {
            throw new RuleViolation("trainee-enrolled-once-per-class", "residentId", "此人已在本班报名");
        }
        if (trainees.size() >= plannedSize) {
            throw new RuleViolation("class-size-within-plan", null,
                    "班级已满：计划人数 " + plannedSize + " 人，超出须先登记计划变更");
        }
        apply(new TraineeEnrolledEvent(classId, command.personKey(), command.name(), command.residentId(),
                command.township(), command.phone(), countyCode, trade));
    }

    @EventSourcingHandler
    void on(ClassFiledEvent event) {
        classId = event.classId();
        countyCode = event.countyCode();
        trade = event.trade();
        plannedSize = event.plannedSize();
    }

    @EventSourcingHandler
    void on(TraineeEnrolledEvent event) {
        trainees.add(event.personKey());
    }
}
