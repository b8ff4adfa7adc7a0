package cn.changdu.labour.projectlabor.project.web;

import cn.changdu.labour.contracts.person.ResidentId;
import cn.changdu.labour.projectlabor.project.app.KnownProjects;
import cn.changdu.labour.projectlabor.project.query.Decimal;
import cn.changdu.labour.projectlabor.project.query.ProjectQueries;
import cn.changdu.labour.projectlabor.project.query.ProjectQueries.ArrearsView;
import cn.changdu.labour.projectlabor.project.query.ProjectQueries.DepartmentShare;
import cn.changdu.labour.projectlabor.project.query.ProjectQueries.DisputeView;
import cn.changdu.labour.projectlabor.project.query.ProjectQueries.PaymentView;
import cn.changdu.labour.projectlabor.project.query.ProjectQueries.PayrollView;
import cn.changdu.labour.projectlabor.project.query.ProjectQueries.ProjectSummary;
import cn.changdu.labour.projectlabor.project.query.ProjectQueries.RosterEntry;
import cn.changdu.labour.support.web.Caller;
import cn.changdu.labour.support.web.NotFound;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.util.List;

/**
 * Reads of projects, rosters, payrolls and arrears from the read model (eventually consistent: a write shows up
 * here shortly after it is accepted). Names, resident IDs and phones are masked unless the caller may see them.
 */
@RestController
@RequestMapping("/api/projects")
public class ProjectQueryController {

    private final ProjectQueries queries;
    private final KnownProjects knownProjects;

    public ProjectQueryController(ProjectQueries queries, KnownProjects knownProjects) {
        this.queries = queries;
        this.knownProjects = knownProjects;
    }

    @Operation(summary = "Projects by county and/or department, with live local-labour share and open arrears")
    @GetMapping
    public List<ProjectSummary> projects(@RequestParam(required = false) String countyCode,
                                         @RequestParam(required = false) String department) {
        return queries.projects(countyCode, department);
    }

    @Operation(summary = "One project with its live local-labour share and open arrears")
    @GetMapping("/{projectId}")
    public ProjectSummary project(@PathVariable String projectId) {
        return queries.project(projectId).orElseThrow(() -> new NotFound("未找到编号为 " + projectId + " 的项目"));
    }

    @Operation(summary = "A project's real-name roster (masked unless the caller may see personal data)")
    @GetMapping("/{projectId}/roster")
    public List<RosterEntry> roster(@PathVariable String projectId, Caller caller) {
        // an unknown project is a 404, not an empty roster; a project registered a moment ago has an empty one
        knownProjects.require(projectId);
        return queries.roster(projectId).stream().map(r -> new RosterEntry(r.personKey(),
                caller.personal(r.name(), Caller::maskName), residentId(r.residentId(), caller),
                caller.personal(r.phone(), Caller::maskPhone), r.localFarmerHerder(), r.homeCountyCode(), r.trade(),
                r.wageRate(), r.payCycle(), r.socialInsuranceRegistered(), r.joinedOn(), r.leftOn())).toList();
    }

    public record Payroll(String projectId, List<PayrollView> payrolls, List<PaymentView> payments,
                          @Decimal BigDecimal totalDue, @Decimal BigDecimal totalPaid) {
    }

    @Operation(summary = "A project's payrolls and wage payments, optionally of one period (2020-06)")
    @GetMapping("/{projectId}/payroll")
    public Payroll payroll(@PathVariable String projectId, @RequestParam(required = false) String period, Caller caller) {
        knownProjects.require(projectId);
        List<PayrollView> payrolls = queries.payrolls(projectId, period);
        List<PaymentView> payments = queries.payments(projectId, period).stream().map(p -> new PaymentView(
                p.paymentId(), p.personKey(), caller.personal(p.name(), Caller::maskName),
                residentId(p.residentId(), caller), p.period(), p.amount(), p.paidOn(), p.channel(), p.onRoster())).toList();
        return new Payroll(projectId, payrolls,
                payments,
                payrolls.stream().map(PayrollView::totalDue).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add),
                payments.stream().map(PaymentView::amount).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add));
    }

    @Operation(summary = "A project's labour disputes and their outcomes")
    @GetMapping("/{projectId}/disputes")
    public List<DisputeView> disputes(@PathVariable String projectId, Caller caller) {
        knownProjects.require(projectId);
        return queries.disputes(projectId).stream().map(d -> new DisputeView(d.disputeId(), d.personKey(),
                d.name() == null ? null : caller.personal(d.name(), Caller::maskName), residentId(d.residentId(), caller),
                d.category(), d.claimedAmount(), d.description(), d.filedOn(), d.status(), d.outcome(),
                d.awardedAmount(), d.note(), d.resolvedOn())).toList();
    }

    public record OpenArrears(int cases, int workers, int projects, @Decimal BigDecimal amount,
                              @Decimal BigDecimal governmentInvestedAmount, List<ArrearsView> arrears) {
    }

    @Operation(summary = "Open wage arrears city-wide (治欠保支), government-invested projects first, largest first")
    @GetMapping("/arrears")
    public OpenArrears arrears(@RequestParam(required = false) String countyCode,
                               @RequestParam(required = false) String department, Caller caller) {
        List<ArrearsView> open = queries.openArrears(countyCode, department).stream().map(a -> new ArrearsView(
                a.projectId(), a.projectName(), a.countyCode(), a.department(), a.governmentInvested(), a.personKey(),
                a.name() == null ? null : caller.personal(a.name(), Caller::maskName), a.period(), a.amountDue(),
                a.outstanding(), a.dueDate())).toList();
        return new OpenArrears(open.size(),
                (int) open.stream().map(ArrearsView::personKey).distinct().count(),
                (int) open.stream().map(ArrearsView::projectId).distinct().count(),
                open.stream().map(ArrearsView::outstanding).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add),
                open.stream().filter(ArrearsView::governmentInvested).map(ArrearsView::outstanding)
                        .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add),
                open);
    }

    @Operation(summary = "Live local-labour share per owning department over its open projects (target ≥ 30%)")
    @GetMapping("/departments")
    public List<DepartmentShare> departments() {
        return queries.departmentShares();
    }

    private static String residentId(String value, Caller caller) {
        return value == null ? null : caller.personal(value, v -> new ResidentId(v).masked());
    }
}
