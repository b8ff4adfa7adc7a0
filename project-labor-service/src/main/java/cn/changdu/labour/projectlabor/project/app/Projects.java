package cn.changdu.labour.projectlabor.project.app;

import cn.changdu.labour.contracts.Actor;
import cn.changdu.labour.contracts.person.PersonKeys;
import cn.changdu.labour.contracts.person.ResidentId;
import cn.changdu.labour.kernel.BusinessTime;
import cn.changdu.labour.projectlabor.project.api.CloseProjectCommand;
import cn.changdu.labour.projectlabor.project.api.DisputeCategory;
import cn.changdu.labour.projectlabor.project.api.DisputeOutcome;
import cn.changdu.labour.projectlabor.project.api.FileDisputeCommand;
import cn.changdu.labour.projectlabor.project.api.PayWageCommand;
import cn.changdu.labour.projectlabor.project.api.PaymentChannel;
import cn.changdu.labour.projectlabor.project.api.ProjectDetails;
import cn.changdu.labour.projectlabor.project.api.RegisterProjectCommand;
import cn.changdu.labour.projectlabor.project.api.ResolveDisputeCommand;
import cn.changdu.labour.projectlabor.project.api.SubmitLabourFilingCommand;
import cn.changdu.labour.projectlabor.project.api.UpdateProjectCommand;
import cn.changdu.labour.support.commands.DomainCommands;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.UUID;

/**
 * A project's life on behalf of an actor: registration, particulars, closing, the labour filings with HR, wage
 * payments and labour disputes. A date left out is the business day of the request.
 */
@Service
public class Projects {

    private final DomainCommands commands;
    private final PersonKeys personKeys;
    private final Clock clock;

    public Projects(DomainCommands commands, PersonKeys personKeys, Clock clock) {
        this.commands = commands;
        this.personKeys = personKeys;
        this.clock = clock;
    }

    /** Registers a project; answers its id. */
    public String register(String name, String countyCode, String department, boolean governmentInvested,
                           int plannedWorkforce, ProjectDetails details, Actor actor, Instant occurredAt) {
        String projectId = UUID.randomUUID().toString();
        commands.send(new RegisterProjectCommand(projectId, name, countyCode, department, governmentInvested,
                plannedWorkforce, details), actor, occurredAt);
        return projectId;
    }

    public void update(String projectId, String name, boolean governmentInvested, int plannedWorkforce,
                       ProjectDetails details, Actor actor, Instant occurredAt) {
        commands.send(new UpdateProjectCommand(projectId, name, governmentInvested, plannedWorkforce, details),
                actor, occurredAt);
    }

    public void close(String projectId, LocalDate closedOn, Actor actor, Instant occurredAt) {
        commands.send(new CloseProjectCommand(projectId, closedOn), actor, occurredAt);
    }

    /** Files the real-name labour statistics with HR; answers the filing's id. */
    public String fileLabour(String projectId, String hrOffice, String reference, LocalDate filedOn, Actor actor,
                             Instant occurredAt) {
        String filingId = UUID.randomUUID().toString();
        commands.send(new SubmitLabourFilingCommand(projectId, filingId, hrOffice, reference,
                filedOn != null ? filedOn : today(occurredAt)), actor, occurredAt);
        return filingId;
    }

    /** A recorded wage payment and the person it went to. */
    public record WagePaid(String paymentId, String personKey) {
    }

    public WagePaid payWage(String projectId, String name, String residentId, YearMonth period, BigDecimal amount,
                            LocalDate paidOn, PaymentChannel channel, Actor actor, Instant occurredAt) {
        ResidentId id = new ResidentId(residentId);
        String personKey = personKeys.keyOf(id);
        String paymentId = UUID.randomUUID().toString();
        commands.send(new PayWageCommand(projectId, paymentId, personKey, name.strip(), id.value(), period, amount,
                paidOn, channel), actor, occurredAt);
        return new WagePaid(paymentId, personKey);
    }

    /** Files a labour dispute (collective without a resident ID); answers the dispute's id. */
    public String fileDispute(String projectId, String name, String residentId, DisputeCategory category,
                              BigDecimal claimedAmount, String description, LocalDate filedOn, Actor actor,
                              Instant occurredAt) {
        String disputeId = UUID.randomUUID().toString();
        ResidentId id = residentId == null ? null : new ResidentId(residentId);
        commands.send(new FileDisputeCommand(projectId, disputeId, id == null ? null : personKeys.keyOf(id),
                name == null ? null : name.strip(), id == null ? null : id.value(), category, claimedAmount,
                description, filedOn != null ? filedOn : today(occurredAt)), actor, occurredAt);
        return disputeId;
    }

    public void resolveDispute(String projectId, String disputeId, DisputeOutcome outcome, BigDecimal awardedAmount,
                               String note, LocalDate resolvedOn, Actor actor, Instant occurredAt) {
        commands.send(new ResolveDisputeCommand(projectId, disputeId, outcome, awardedAmount, note,
                resolvedOn != null ? resolvedOn : today(occurredAt)), actor, occurredAt);
    }

    private LocalDate today(Instant occurredAt) {
        return BusinessTime.dateOf(occurredAt != null ? occurredAt : clock.instant());
    }
}
