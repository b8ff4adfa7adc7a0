package cn.changdu.labour.employment.jobfairs.model;

import cn.changdu.labour.employment.jobfairs.api.JobFairHeldEvent;
import cn.changdu.labour.employment.jobfairs.api.RecordJobFairCommand;
import cn.changdu.labour.kernel.RuleViolation;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A matching event that was held; placements name it to be attributed to it. */
@Aggregate
public class JobFair {

    @AggregateIdentifier
    private String jobFairId;

    protected JobFair() {
    }

    @CommandHandler
    public JobFair(RecordJobFairCommand command) {
        if (command.employers() < 1) {
            throw new RuleViolation("job-fair-has-employers", "employers", "招聘活动至少有1家用人单位参加");
        }
        apply(new JobFairHeldEvent(command.jobFairId(), command.countyCode(), command.name(), command.heldOn(),
                command.employers(), command.positionsOffered(), command.attendance()));
    }

    @EventSourcingHandler
    void on(JobFairHeldEvent event) {
        jobFairId = event.jobFairId();
    }
}
