package cn.changdu.labour.projectlabor.project.model;

import static cn.changdu.labour.kernel.MetadataKeys.OCCURRED_AT;
import cn.changdu.labour.kernel.BusinessTime;
import cn.changdu.labour.contracts.projectlabor.LocalLabourShare;
import cn.changdu.labour.projectlabor.project.api.CloseProjectCommand;
import cn.changdu.labour.projectlabor.project.api.FileDisputeCommand;
import cn.changdu.labour.projectlabor.project.api.JoinProjectCommand;
import cn.changdu.labour.projectlabor.project.api.LabourDisputeFiledEvent;
import cn.changdu.labour.projectlabor.project.api.LabourDisputeResolvedEvent;
import cn.changdu.labour.projectlabor.project.api.LabourFilingSubmittedEvent;
import cn.changdu.labour.projectlabor.project.api.LeaveProjectCommand;
import cn.changdu.labour.projectlabor.project.api.LocalLabourShareBelowTargetEvent;
import cn.changdu.labour.projectlabor.project.api.LocalLabourShareRecoveredEvent;
import cn.changdu.labour.projectlabor.project.api.PayCycle;
import cn.changdu.labour.projectlabor.project.api.PayWageCommand;
import cn.changdu.labour.projectlabor.project.api.PayrollLine;
import cn.changdu.labour.projectlabor.project.api.PayrollSubmittedEvent;
import cn.changdu.labour.projectlabor.project.api.ProjectClosedEvent;
import cn.changdu.labour.projectlabor.project.api.ProjectDetails;
import cn.changdu.labour.projectlabor.project.api.ProjectRegisteredEvent;
import cn.changdu.labour.projectlabor.project.api.ProjectUpdatedEvent;
import cn.changdu.labour.projectlabor.project.api.RegisterProjectCommand;
import cn.changdu.labour.projectlabor.project.api.ResolveDisputeCommand;
import cn.changdu.labour.projectlabor.project.api.SubmitLabourFilingCommand;
import cn.changdu.labour.projectlabor.project.api.SubmitPayrollCommand;
import cn.changdu.labour.projectlabor.project.api.UpdateProjectCommand;
import cn.changdu.labour.projectlabor.project.api.WageArrearsChangedEvent;
import cn.changdu.labour.projectlabor.project.api.WageArrearsClearedEvent;
import cn.changdu.labour.projectlabor.project.api.WageArrearsDetectedEvent;
import cn.changdu.labour.projectlabor.project.api.WageDueScheduledEvent;
import cn.changdu.labour.projectlabor.project.api.WagePaidEvent;
import cn.changdu.labour.projectlabor.project.api.WagePeriodPastDueEvent;
import cn.changdu.labour.projectlabor.project.api.WorkerJoinedProjectEvent;
import cn.changdu.labour.projectlabor.project.api.WorkerLeftProjectEvent;
import cn.changdu.labour.projectlabor.worker.api.RosterStint;
import cn.changdu.labour.kernel.Money;
import cn.changdu.labour.kernel.RuleViolation;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A construction project registered by its owning department: the boundary for its real-name roster, its
 * local-labour share, its payrolls, wages, arrears and disputes.
 *
 * <p>Wages: for every pay period (a calendar month) in which someone is on the roster, a {@value #WAGE_DUE}
 * deadline fires when the period's due date (the project's pay day of the following month) has passed. From then
 * on, each worker's wages for the period that are not paid in full are arrears: detected when the deadline fires,
 * changed by partial payments or corrected payrolls, cleared when nothing is owed.
 */
@Aggregate(cache = "projectCache") // ProjectCacheConfiguration: a year of a project is thousands of events
public class Project {

    static final String WAGE_DUE = "wage-due";
    /** Metadata key of business time (copied from commands to their events by the platform). */
    /**
     * Due dates are days in Changdu: a due date has passed at the following midnight, Beijing time. The service's one
     * business time zone (the web layer's "today" too).
     */

    @AggregateIdentifier
    private String projectId;
    private String countyCode;
    private String department;
    private boolean governmentInvested;
    private int payDay = ProjectDetails.DEFAULT_WAGE_PAY_DAY;
    private boolean closed;
    private final List<RosterEntry> roster = new ArrayList<>();
    private boolean belowTarget;
    private final Map<PersonPeriod, BigDecimal> paid = new HashMap<>();
    private final Map<YearMonth, Map<String, BigDecimal>> payrolls = new HashMap<>();
    private final Set<YearMonth> scheduled = new HashSet<>();
    private final Set<YearMonth> pastDue = new TreeSet<>();
    private final Map<PersonPeriod, BigDecimal> openArrears = new HashMap<>();
    private final Map<String, LocalDate> openDisputes = new HashMap<>();
    private final Set<String> disputes = new HashSet<>();

    protected Project() {
        // for Axon
    }

    @CommandHandler
    public Project(RegisterProjectCommand command) {
        checkDetails(command.details());
        apply(new ProjectRegisteredEvent(command.projectId(), command.name(), command.countyCode(),
                command.department(), command.governmentInvested(), command.plannedWorkforce(),
                command.details() == null ? ProjectDetails.none() : command.details()));
    }

    @CommandHandler
    public void handle(UpdateProjectCommand command) {
        requireOpen();
        checkDetails(command.details());
        apply(new ProjectUpdatedEvent(projectId, command.name(), countyCode, department, command.governmentInvested(),
                command.plannedWorkforce(), command.details() == null ? ProjectDetails.none() : command.details()));
    }

    @CommandHandler
    public void handle(CloseProjectCommand command) {
        requireOpen();
        if (roster.stream().anyMatch(RosterEntry::active)) {
            throw new RuleViolation("project-closed-without-active-workers", "closedOn",
                    "花名册上仍有在岗人员，须先登记其离场才能关闭项目");
        }
        apply(new ProjectClosedEvent(projectId, command.closedOn(), countyCode, department));
    }

    @CommandHandler
    public void handle(SubmitLabourFilingCommand command) {
        requireOpen();
        apply(new LabourFilingSubmittedEvent(projectId, command.filingId(), command.hrOffice(), command.reference(),
                command.filedOn(), activeCount(false), activeCount(true), countyCode, department));
    }

    @CommandHandler
    public void handle(JoinProjectCommand command, DeadlineManager deadlines) {
        requireOpen();
        RosterRules.requireNotOnRoster(stintsOf(command.personKey()), projectId);
        if (!Money.isPositiveToTheFen(command.wageRate())) {
            throw new RuleViolation("wage-exact-to-the-fen", "wageRate", "工资标准须为正数，最多两位小数（精确到分）");
        }
        for (RosterEntry earlier : entriesOf(command.personKey())) {
            if (!command.joinedOn().isAfter(earlier.leftOn)) {
                throw new RuleViolation("roster-days-do-not-overlap", "joinedOn", "进场日期须晚于此人上次在本项目的离场日期");
            }
        }
        RosterRules.requireHomeCounty(command.localFarmerHerder(), command.homeCountyCode());
        int local = activeCount(true) + (command.localFarmerHerder() ? 1 : 0);
        int total = activeCount(false) + 1;
        apply(new WorkerJoinedProjectEvent(projectId, command.personKey(), command.name(), command.residentId(),
                command.phone(), command.localFarmerHerder(), command.homeCountyCode(), command.trade(),
                Money.yuanToTheFen(command.wageRate()), command.payCycle(), command.socialInsuranceRegistered(),
                command.joinedOn(), countyCode, department, governmentInvested, local, total));
        shareCrossing(command.joinedOn());
        // a late entry may put the worker into periods whose due date already passed
        pastDue.stream().filter(p -> !p.isBefore(YearMonth.from(command.joinedOn())))
                .toList().forEach(p -> reassess(command.personKey(), p));
        ensureScheduled(YearMonth.from(command.joinedOn()), deadlines);
    }

    @CommandHandler
    public void handle(LeaveProjectCommand command) {
        RosterEntry entry = activeEntry(command.personKey());
        if (entry == null) {
            throw new RuleViolation("worker-on-roster", "residentId", "此人不在本项目花名册上（在岗）");
        }
        if (command.leftOn().isBefore(entry.joinedOn)) {
            throw new RuleViolation("left-after-joined", "leftOn", "离场日期不能早于进场日期");
        }
        int local = activeCount(true) - (entry.local ? 1 : 0);
        int total = activeCount(false) - 1;
        apply(new WorkerLeftProjectEvent(projectId, command.personKey(), entry.local, entry.joinedOn,
                command.leftOn(), countyCode, department, local, total));
        shareCrossing(command.leftOn());
        pastDue.stream().filter(p -> p.isAfter(YearMonth.from(command.leftOn())))
                .toList().forEach(p -> reassess(command.personKey(), p));
    }

    @CommandHandler
    public void handle(SubmitPayrollCommand command) {
        // allowed after closing too: the last period's payroll often comes after the last worker left
        if (command.lines() == null || command.lines().isEmpty()) {
            throw new RuleViolation("payroll-has-lines", "lines", "工资表至少须有一行");
        }
        Set<String> seen = new HashSet<>();
        List<PayrollLine> settled = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO.setScale(2);
        for (PayrollLine line : command.lines()) {
            PayrollRules.requireOnceInPayroll(seen, line.personKey());
            PayrollRules.requireOnRoster(stintsOf(line.personKey()), projectId, command.period());
            List<RosterEntry> entries = entriesOf(line.personKey()).stream()
                    .filter(e -> daysIn(e, command.period()) > 0).toList();
            if (line.amountDue() != null && (line.amountDue().signum() < 0 || line.amountDue().stripTrailingZeros().scale() > 2)) {
                throw new RuleViolation("wage-exact-to-the-fen", "amountDue", "应发工资须为非负数，最多两位小数（精确到分）");
            }
            if (line.daysWorked() != null && (line.daysWorked() < 0 || line.daysWorked() > command.period().lengthOfMonth())) {
                throw new RuleViolation("days-worked-within-period", "daysWorked", "出勤天数须在 0 到当月天数之间");
            }
            BigDecimal due = line.amountDue() != null ? Money.yuanToTheFen(line.amountDue())
                    : computedDue(entries, command.period(), line.daysWorked());
            settled.add(new PayrollLine(line.personKey(), line.daysWorked(), due));
            total = total.add(due);
        }
        apply(new PayrollSubmittedEvent(projectId, command.period(), List.copyOf(settled), total,
                dueDate(command.period()), command.submittedOn(), countyCode, department));
        Set<String> affected = new HashSet<>(seen);
        affected.addAll(payrollOf(command.period()).keySet());
        affected.forEach(person -> reassess(person, command.period()));
    }

    @CommandHandler
    public void handle(PayWageCommand command) {
        if (!Money.isPositiveToTheFen(command.amount())) {
            throw new RuleViolation("wage-exact-to-the-fen", "amount", "工资金额须为正数，最多两位小数（精确到分）");
        }
        if (command.paidOn().isBefore(command.period().atDay(1))) {
            throw new RuleViolation("wage-paid-after-period-begins", "paidOn", "发放日期不能早于工资所属期间的开始");
        }
        boolean onRoster = entriesOf(command.personKey()).stream().anyMatch(e -> daysIn(e, command.period()) > 0);
        apply(new WagePaidEvent(projectId, command.paymentId(), command.personKey(), command.name(),
                command.residentId(), command.period(), Money.yuanToTheFen(command.amount()), command.paidOn(), countyCode,
                command.channel(), onRoster));
        reassess(command.personKey(), command.period());
    }

    @CommandHandler
    public void handle(FileDisputeCommand command) {
        if (disputes.contains(command.disputeId())) {
            throw new RuleViolation("dispute-filed-once", "disputeId", "该争议已登记");
        }
        if (command.claimedAmount() != null && !Money.isPositiveToTheFen(command.claimedAmount())) {
            throw new RuleViolation("wage-exact-to-the-fen", "claimedAmount", "请求金额须为正数，最多两位小数（精确到分）");
        }
        apply(new LabourDisputeFiledEvent(projectId, command.disputeId(), command.personKey(), command.name(),
                command.residentId(), command.category(),
                command.claimedAmount() == null ? null : Money.yuanToTheFen(command.claimedAmount()), command.description(),
                command.filedOn(), countyCode, department, governmentInvested));
    }

    @CommandHandler
    public void handle(ResolveDisputeCommand command) {
        LocalDate filedOn = openDisputes.get(command.disputeId());
        if (filedOn == null) {
            throw new RuleViolation("dispute-open", "disputeId",
                    disputes.contains(command.disputeId()) ? "该争议已处理完毕" : "本项目没有该争议");
        }
        if (command.resolvedOn().isBefore(filedOn)) {
            throw new RuleViolation("resolved-after-filed", "resolvedOn", "处理日期不能早于登记日期");
        }
        if (command.awardedAmount() != null && (command.awardedAmount().signum() < 0
                || command.awardedAmount().stripTrailingZeros().scale() > 2)) {
            throw new RuleViolation("wage-exact-to-the-fen", "awardedAmount", "裁决/调解金额须为非负数，最多两位小数（精确到分）");
        }
        apply(new LabourDisputeResolvedEvent(projectId, command.disputeId(), command.outcome(),
                command.awardedAmount() == null ? null : Money.yuanToTheFen(command.awardedAmount()), command.note(),
                command.resolvedOn(), countyCode, department));
    }

    /** A period's due date has passed: what is unpaid now is arrears; the next period is watched if anyone works. */
    @DeadlineHandler(deadlineName = WAGE_DUE)
    public void onWageDue(String period, DeadlineManager deadlines) {
        YearMonth p = YearMonth.parse(period);
        if (pastDue.contains(p)) {
            return; // delivered twice
        }
        LocalDate dueDate = dueDate(p);
        apply(new WagePeriodPastDueEvent(projectId, p, dueDate), systemMetaData(dueDate));
        Set<String> people = new TreeSet<>(payrollOf(p).keySet());
        roster.stream().filter(e -> daysIn(e, p) > 0).forEach(e -> people.add(e.personKey));
        people.forEach(person -> reassess(person, p, systemMetaData(dueDate)));
        YearMonth next = p.plusMonths(1);
        if (roster.stream().anyMatch(e -> daysIn(e, next) > 0)) {
            ensureScheduled(next, deadlines);
        }
    }

    // ---- rules and helpers ----

    private void requireOpen() {
        if (closed) {
            throw new RuleViolation("project-open", null, "项目已关闭，不能再登记");
        }
    }

    private static void checkDetails(ProjectDetails details) {
        if (details == null) {
            return;
        }
        if (details.startDate() != null && details.plannedEndDate() != null
                && details.plannedEndDate().isBefore(details.startDate())) {
            throw new RuleViolation("project-ends-after-it-starts", "plannedEndDate", "计划竣工日期不能早于开工日期");
        }
        if (details.wagePayDay() != null && (details.wagePayDay() < 1 || details.wagePayDay() > 28)) {
            throw new RuleViolation("wage-pay-day-in-month", "wagePayDay", "工资支付日须为每月 1 到 28 日");
        }
    }

    private void shareCrossing(LocalDate asOf) {
        int local = activeCount(true);
        int total = activeCount(false);
        boolean below = LocalLabourShare.below(local, total);
        BigDecimal share = total == 0 ? BigDecimal.ZERO.setScale(4)
                : BigDecimal.valueOf(local).divide(BigDecimal.valueOf(total), 4, RoundingMode.HALF_UP);
        if (below && !belowTarget) {
            apply(new LocalLabourShareBelowTargetEvent(projectId, countyCode, department, local, total, share, asOf));
        } else if (!below && belowTarget && total > 0) {
            // an emptied roster is no recovery: the flag stays until people work here at the target share
            apply(new LocalLabourShareRecoveredEvent(projectId, countyCode, department, local, total, share, asOf));
        }
    }

    private void ensureScheduled(YearMonth from, DeadlineManager deadlines) {
        YearMonth p = from;
        while (scheduled.contains(p) && pastDue.contains(p)) {
            p = p.plusMonths(1);
        }
        if (scheduled.contains(p)) {
            return;
        }
        LocalDate dueDate = dueDate(p);
        Instant trigger = BusinessTime.startOf(dueDate.plusDays(1));
        // the assessment is the system's doing, at the due date's end (business time), not the scheduling actor's
        deadlines.schedule(trigger, WAGE_DUE, new GenericMessage<>(p.toString(), systemMetaData(dueDate)));
        apply(new WageDueScheduledEvent(projectId, p, dueDate));
    }

    private void reassess(String personKey, YearMonth period) {
        reassess(personKey, period, notBeforeDue(period));
    }

    /**
     * A late entry (a payment, payroll or roster line recorded after the period's due date) can change the arrears of
     * the period; those arose when the due date passed, so they are stamped no earlier than that, whatever the
     * entry's own business time (a roster join dated 1 August must not date September's arrears in August).
     */
    private MetaData notBeforeDue(YearMonth period) {
        Instant duePassed = BusinessTime.startOf(dueDate(period).plusDays(1));
        Object occurredAt = CurrentUnitOfWork.isStarted()
                ? CurrentUnitOfWork.get().getMessage().getMetaData().get(OCCURRED_AT) : null;
        return occurredAt != null && Instant.parse(occurredAt.toString()).isBefore(duePassed)
                ? MetaData.with(OCCURRED_AT, duePassed.toString()) : MetaData.emptyInstance();
    }

    /** Compares what is owed with the open arrears of a worker and period, once the period is past due. */
    private void reassess(String personKey, YearMonth period, MetaData metaData) {
        if (!pastDue.contains(period)) {
            return;
        }
        PersonPeriod key = new PersonPeriod(personKey, period);
        BigDecimal due = dueOf(personKey, period);
        BigDecimal outstanding = due.subtract(paid.getOrDefault(key, BigDecimal.ZERO)).max(BigDecimal.ZERO).setScale(2);
        BigDecimal open = openArrears.get(key);
        if (open == null && outstanding.signum() > 0) {
            String name = entriesOf(personKey).stream().map(e -> e.name).filter(Objects::nonNull).findFirst().orElse(null);
            apply(new WageArrearsDetectedEvent(projectId, personKey, name, period, due, outstanding, dueDate(period),
                    governmentInvested, countyCode, department), metaData);
        } else if (open != null && outstanding.signum() == 0) {
            apply(new WageArrearsClearedEvent(projectId, personKey, period, governmentInvested, countyCode, department),
                    metaData);
        } else if (open != null && open.compareTo(outstanding) != 0) {
            apply(new WageArrearsChangedEvent(projectId, personKey, period, outstanding, governmentInvested,
                    countyCode, department), metaData);
        }
    }

    /** Who records an assessment made by the deadline: the system, at the due date's end (business time). */
    private static MetaData systemMetaData(LocalDate dueDate) {
        return MetaData.with("actorId", "system:wage-due")
                .and("actorDepartment", "system")
                .and(OCCURRED_AT, BusinessTime.startOf(dueDate.plusDays(1)).toString());
    }

    private BigDecimal dueOf(String personKey, YearMonth period) {
        BigDecimal fromPayroll = payrollOf(period).get(personKey);
        if (fromPayroll != null) {
            return fromPayroll;
        }
        return computedDue(entriesOf(personKey).stream().filter(e -> daysIn(e, period) > 0).toList(), period, null);
    }

    /** Monthly rates pro rata by calendar days on the roster; day rates times the days worked (or on the roster). */
    static BigDecimal computedDue(List<RosterEntry> entries, YearMonth period, Integer daysWorked) {
        BigDecimal due = BigDecimal.ZERO.setScale(2);
        for (RosterEntry e : entries) {
            long days = daysIn(e, period);
            if (e.payCycle == PayCycle.DAILY) {
                long worked = daysWorked != null && entries.size() == 1 ? daysWorked : days;
                due = due.add(e.rate.multiply(BigDecimal.valueOf(worked)));
            } else if (days == period.lengthOfMonth()) {
                due = due.add(e.rate);
            } else {
                due = due.add(e.rate.multiply(BigDecimal.valueOf(days))
                        .divide(BigDecimal.valueOf(period.lengthOfMonth()), 2, RoundingMode.HALF_UP));
            }
        }
        return due.setScale(2, RoundingMode.UNNECESSARY);
    }

    static long daysIn(RosterEntry e, YearMonth period) {
        return PayrollRules.daysIn(e.joinedOn, e.leftOn, period);
    }

    private LocalDate dueDate(YearMonth period) {
        return period.plusMonths(1).atDay(payDay);
    }

    private Map<String, BigDecimal> payrollOf(YearMonth period) {
        return payrolls.getOrDefault(period, Map.of());
    }

    private RosterEntry activeEntry(String personKey) {
        return roster.stream().filter(e -> e.personKey.equals(personKey) && e.active()).findFirst().orElse(null);
    }

    private List<RosterEntry> entriesOf(String personKey) {
        return roster.stream().filter(e -> e.personKey.equals(personKey)).toList();
    }

    /** The person's stints on this roster, as the rules shared with the imports take them. */
    private List<RosterStint> stintsOf(String personKey) {
        return entriesOf(personKey).stream().map(e -> new RosterStint(projectId, e.joinedOn, e.leftOn)).toList();
    }

    private int activeCount(boolean localOnly) {
        return (int) roster.stream().filter(RosterEntry::active).filter(e -> !localOnly || e.local).count();
    }

    // ---- state ----

    @EventSourcingHandler
    void on(ProjectRegisteredEvent event) {
        projectId = event.projectId();
        countyCode = event.countyCode();
        department = event.department();
        governmentInvested = event.governmentInvested();
        if (event.details() != null) {
            payDay = event.details().payDay();
        }
    }

    @EventSourcingHandler
    void on(ProjectUpdatedEvent event) {
        governmentInvested = event.governmentInvested();
        if (event.details() != null) {
            payDay = event.details().payDay();
        }
    }

    @EventSourcingHandler
    void on(ProjectClosedEvent event) {
        closed = true;
    }

    @EventSourcingHandler
    void on(WorkerJoinedProjectEvent event) {
        roster.add(new RosterEntry(event.personKey(), event.name(), event.localFarmerHerder(), event.wageRate(),
                event.payCycle() == null ? PayCycle.MONTHLY : event.payCycle(), event.joinedOn()));
    }

    @EventSourcingHandler
    void on(WorkerLeftProjectEvent event) {
        RosterEntry entry = activeEntry(event.personKey());
        if (entry != null) {
            entry.leftOn = event.leftOn();
        }
    }

    @EventSourcingHandler
    void on(LocalLabourShareBelowTargetEvent event) {
        belowTarget = true;
    }

    @EventSourcingHandler
    void on(LocalLabourShareRecoveredEvent event) {
        belowTarget = false;
    }

    @EventSourcingHandler
    void on(PayrollSubmittedEvent event) {
        Map<String, BigDecimal> lines = new HashMap<>();
        event.lines().forEach(l -> lines.put(l.personKey(), l.amountDue()));
        payrolls.put(event.period(), lines);
    }

    @EventSourcingHandler
    void on(WagePaidEvent event) {
        paid.merge(new PersonPeriod(event.personKey(), event.period()), event.amount(), BigDecimal::add);
    }

    @EventSourcingHandler
    void on(WageDueScheduledEvent event) {
        scheduled.add(event.period());
    }

    @EventSourcingHandler
    void on(WagePeriodPastDueEvent event) {
        pastDue.add(event.period());
    }

    @EventSourcingHandler
    void on(WageArrearsDetectedEvent event) {
        openArrears.put(new PersonPeriod(event.personKey(), event.period()), event.amount());
    }

    @EventSourcingHandler
    void on(WageArrearsChangedEvent event) {
        openArrears.put(new PersonPeriod(event.personKey(), event.period()), event.amount());
    }

    @EventSourcingHandler
    void on(WageArrearsClearedEvent event) {
        openArrears.remove(new PersonPeriod(event.personKey(), event.period()));
    }

    @EventSourcingHandler
    void on(LabourDisputeFiledEvent event) {
        disputes.add(event.disputeId());
        openDisputes.put(event.disputeId(), event.filedOn());
    }

    @EventSourcingHandler
    void on(LabourDisputeResolvedEvent event) {
        openDisputes.remove(event.disputeId());
    }

    /** One stint of a person on the roster. */
    static final class RosterEntry {
        final String personKey;
        final String name;
        final boolean local;
        final BigDecimal rate;
        final PayCycle payCycle;
        final LocalDate joinedOn;
        LocalDate leftOn;

        RosterEntry(String personKey, String name, boolean local, BigDecimal rate, PayCycle payCycle, LocalDate joinedOn) {
            this.personKey = personKey;
            this.name = name;
            this.local = local;
            this.rate = rate;
            this.payCycle = payCycle;
            this.joinedOn = joinedOn;
        }

        boolean active() {
            return leftOn == null;
        }

        // value equality: Axon's fixture compares the state built by commands with the state sourced from events
        @Override
        public boolean equals(Object o) {
            return o instanceof RosterEntry e && personKey.equals(e.personKey) && Objects.equals(name, e.name)
                    && local == e.local && rate.compareTo(e.rate) == 0 && payCycle == e.payCycle
                    && joinedOn.equals(e.joinedOn) && Objects.equals(leftOn, e.leftOn);
        }

        @Override
        public int hashCode() {
            return Objects.hash(personKey, joinedOn);
        }
    }

    record PersonPeriod(String personKey, YearMonth period) {
    }
}
