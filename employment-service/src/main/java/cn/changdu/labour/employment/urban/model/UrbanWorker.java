package cn.changdu.labour.employment.urban.model;

import cn.changdu.labour.employment.urban.api.EndUnemploymentCommand;
import cn.changdu.labour.employment.urban.api.RegisterUnemploymentCommand;
import cn.changdu.labour.employment.urban.api.RegisterUrbanEmploymentCommand;
import cn.changdu.labour.employment.urban.api.UnemploymentEndedEvent;
import cn.changdu.labour.employment.urban.api.UnemploymentRegisteredEvent;
import cn.changdu.labour.employment.urban.api.UrbanEmploymentRegisteredEvent;
import cn.changdu.labour.employment.urban.api.UrbanIds;
import cn.changdu.labour.kernel.RuleViolation;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** One person's urban employment record: new employment once a year, at most one open unemployment registration. */
@Aggregate
public class UrbanWorker {

    @AggregateIdentifier
    private String urbanId;
    private String personKey;
    private String countyCode;
    private final Set<Integer> yearsNewlyEmployed = new HashSet<>();
    private LocalDate unemployedSince;

    protected UrbanWorker() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RegisterUrbanEmploymentCommand command) {
        if (yearsNewlyEmployed.contains(command.registeredOn().getYear())) {
            throw new RuleViolation("urban-new-employment-once-per-year", "residentId",
                    "此人本年度已登记城镇新增就业");
        }
        if (unemployedSince != null && command.registeredOn().isBefore(unemployedSince)) {
            throw new RuleViolation("unemployment-end-after-start", "registeredOn", "就业登记日期不能早于失业登记日期");
        }
        boolean wasUnemployed = unemployedSince != null;
        apply(new UrbanEmploymentRegisteredEvent(command.personKey(), command.registrationId(), command.name(),
                command.residentId(), command.countyCode(), command.employer(), command.registeredOn()));
        if (wasUnemployed) {
            // finding work ends the registered unemployment
            apply(new UnemploymentEndedEvent(command.personKey(), countyCode, command.registeredOn(), "EMPLOYED"));
        }
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RegisterUnemploymentCommand command) {
        if (unemployedSince != null) {
            throw new RuleViolation("unemployment-registered-once", "residentId", "此人已登记失业，尚未结束");
        }
        apply(new UnemploymentRegisteredEvent(command.personKey(), command.name(), command.residentId(),
                command.countyCode(), command.registeredOn()));
    }

    @CommandHandler
    public void handle(EndUnemploymentCommand command) {
        if (unemployedSince == null) {
            throw new RuleViolation("unemployment-registered", "residentId", "此人没有未结束的失业登记");
        }
        if (command.endedOn().isBefore(unemployedSince)) {
            throw new RuleViolation("unemployment-end-after-start", "endedOn", "结束日期不能早于失业登记日期");
        }
        apply(new UnemploymentEndedEvent(personKey, countyCode, command.endedOn(), command.reason()));
    }

    @EventSourcingHandler
    void on(UrbanEmploymentRegisteredEvent event) {
        init(event.personKey(), event.countyCode());
        yearsNewlyEmployed.add(event.registeredOn().getYear());
    }

    @EventSourcingHandler
    void on(UnemploymentRegisteredEvent event) {
        init(event.personKey(), event.countyCode());
        unemployedSince = event.registeredOn();
    }

    @EventSourcingHandler
    void on(UnemploymentEndedEvent event) {
        unemployedSince = null;
    }

    private void init(String key, String county) {
        personKey = key;
        urbanId = UrbanIds.urbanId(key);
        countyCode = county;
    }
}
