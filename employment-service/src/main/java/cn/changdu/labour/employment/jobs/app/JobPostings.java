package cn.changdu.labour.employment.jobs.app;

import cn.changdu.labour.contracts.Actor;
import cn.changdu.labour.contracts.employment.Destination;
import cn.changdu.labour.employment.jobs.api.FillJobPostingCommand;
import cn.changdu.labour.employment.jobs.api.PublishJobPostingCommand;
import cn.changdu.labour.employment.jobs.api.WithdrawJobPostingCommand;
import cn.changdu.labour.support.commands.DomainCommands;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import static cn.changdu.labour.kernel.Text.blankToNull;

/** Job development: postings published, filled in steps, or withdrawn. */
@Service
public class JobPostings {

    private final DomainCommands commands;

    public JobPostings(DomainCommands commands) {
        this.commands = commands;
    }

    /** Publishes a posting; answers its new id. */
    public String publish(String countyCode, String employer, String sector, int positions, BigDecimal monthlyWage,
                          Destination region, String province, LocalDate publishedOn, Actor actor,
                          Instant occurredAt) {
        String postingId = "job-" + UUID.randomUUID();
        commands.send(new PublishJobPostingCommand(postingId, countyCode, employer.strip(), sector.strip(), positions,
                monthlyWage, region, blankToNull(province), publishedOn), actor, occurredAt);
        return postingId;
    }

    public void fill(String postingId, int positionsFilled, LocalDate filledOn, Actor actor, Instant occurredAt) {
        commands.send(new FillJobPostingCommand(postingId, positionsFilled, filledOn), actor, occurredAt);
    }

    public void withdraw(String postingId, String reason, LocalDate withdrawnOn, Actor actor, Instant occurredAt) {
        commands.send(new WithdrawJobPostingCommand(postingId, reason, withdrawnOn), actor, occurredAt);
    }
}
