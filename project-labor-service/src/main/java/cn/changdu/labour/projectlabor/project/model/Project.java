package cn.changdu.labour.projectlabor.project.model;

import cn.changdu.labour.projectlabor.project.api.PayWageCommand;
import cn.changdu.labour.projectlabor.project.api.ProjectRegisteredEvent;
import cn.changdu.labour.projectlabor.project.api.RegisterProjectCommand;
import cn.changdu.labour.projectlabor.project.api.WagePaidEvent;
import cn.changdu.labour.support.domain.Money;
import cn.changdu.labour.support.domain.RuleViolation;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A construction project registered by its owning department: the boundary for its roster and payroll. */
@Aggregate
public class Project {

    @AggregateIdentifier
    private String projectId;
    private String countyCode;

    protected Project() {
        // for Axon
    }

    @CommandHandler
    public Project(RegisterProjectCommand command) {
        apply(new ProjectRegisteredEvent(command.projectId(), command.name(), command.countyCode(),
                command.department(), command.governmentInvested(), command.plannedWorkforce()));
    }

    @CommandHandler
    public void handle(PayWageCommand command) {
        if (!Money.isPositiveToTheFen(command.amount())) {
            throw new RuleViolation("wage-exact-to-the-fen", "amount", "工资金额须为正数，最多两位小数（精确到分）");
        }
        if (command.paidOn().isBefore(command.period().atDay(1))) {
            throw new RuleViolation("wage-paid-after-period-begins", "paidOn", "发放日期不能早于工资所属期间的开始");
        }
        apply(new WagePaidEvent(projectId, command.paymentId(), command.personKey(), command.name(),
                command.residentId(), command.period(), Money.toFen(command.amount()), command.paidOn(), countyCode));
    }

    @EventSourcingHandler
    void on(ProjectRegisteredEvent event) {
        projectId = event.projectId();
        countyCode = event.countyCode();
    }
}
