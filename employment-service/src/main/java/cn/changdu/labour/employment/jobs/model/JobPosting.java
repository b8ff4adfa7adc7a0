package cn.changdu.labour.employment.jobs.model;

import cn.changdu.labour.contracts.employment.Destination;
import cn.changdu.labour.employment.jobs.api.FillJobPostingCommand;
import cn.changdu.labour.employment.jobs.api.JobPostingFilledEvent;
import cn.changdu.labour.employment.jobs.api.JobPostingPublishedEvent;
import cn.changdu.labour.employment.jobs.api.JobPostingWithdrawnEvent;
import cn.changdu.labour.employment.jobs.api.PublishJobPostingCommand;
import cn.changdu.labour.employment.jobs.api.WithdrawJobPostingCommand;
import cn.changdu.labour.kernel.Money;
import cn.changdu.labour.kernel.RuleViolation;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.LocalDate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A job posting: published with a number of positions, filled in steps, or withdrawn. */
@Aggregate
public class JobPosting {

    @AggregateIdentifier
    private String postingId;
    private String countyCode;
    private int positions;
    private int filled;
    private LocalDate publishedOn;
    private boolean withdrawn;

    protected JobPosting() {
    }

    @CommandHandler
    public JobPosting(PublishJobPostingCommand command) {
        if (command.positions() < 1) {
            throw new RuleViolation("posting-has-positions", "positions", "岗位数至少为1");
        }
        if (command.monthlyWage() != null && !Money.isPositiveToTheFen(command.monthlyWage())) {
            throw new RuleViolation("wage-exact-to-the-fen", "monthlyWage", "月工资须为正数，最多两位小数");
        }
        if (command.province() != null && command.region() != Destination.OUT_OF_REGION) {
            throw new RuleViolation("province-only-out-of-region", "province", "只有区外岗位才能填写省份");
        }
        apply(new JobPostingPublishedEvent(command.postingId(), command.countyCode(), command.employer(),
                command.sector(), command.positions(),
                command.monthlyWage() == null ? null : Money.yuanToTheFen(command.monthlyWage()), command.region(),
                command.province(), command.publishedOn()));
    }

    @CommandHandler
    public void handle(FillJobPostingCommand command) {
        requireOpen();
        if (command.positionsFilled() < 1 || filled + command.positionsFilled() > positions) {
            throw new RuleViolation("filled-within-positions", "positionsFilled",
                    "填补岗位数须至少为1，且累计不超过发布的岗位数（" + positions + "，已填补 " + filled + "）");
        }
        if (command.filledOn().isBefore(publishedOn)) {
            throw new RuleViolation("filled-after-publication", "filledOn", "填补日期不能早于发布日期");
        }
        apply(new JobPostingFilledEvent(postingId, countyCode, command.positionsFilled(),
                filled + command.positionsFilled(), command.filledOn()));
    }

    @CommandHandler
    public void handle(WithdrawJobPostingCommand command) {
        requireOpen();
        apply(new JobPostingWithdrawnEvent(postingId, countyCode, positions - filled, command.reason(),
                command.withdrawnOn()));
    }

    private void requireOpen() {
        if (withdrawn || filled >= positions) {
            throw new RuleViolation("posting-open", "postingId", "该岗位已撤回或已全部填补");
        }
    }

    @EventSourcingHandler
    void on(JobPostingPublishedEvent event) {
        postingId = event.postingId();
        countyCode = event.countyCode();
        positions = event.positions();
        publishedOn = event.publishedOn();
    }

    @EventSourcingHandler
    void on(JobPostingFilledEvent event) {
        filled = event.filledTotal();
    }

    @EventSourcingHandler
    void on(JobPostingWithdrawnEvent event) {
        withdrawn = true;
    }
}
