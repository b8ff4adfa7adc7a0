package cn.changdu.labour.reporting.indicators;

import cn.changdu.labour.kernel.BusinessTime;
import cn.changdu.labour.contracts.Counties;
import cn.changdu.labour.reporting.projection.Fact;
import cn.changdu.labour.reporting.projection.Positions;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Puts the figures, the targets and the pace rule together into what the dashboard and the exports show. */
@Component
public class Dashboard {

    public record IndicatorView(String id, String zh, String en, BigDecimal value, BigDecimal target,
                                BigDecimal ratio, Pace.Status status) {
    }

    public record AreaView(String area, String name, List<IndicatorView> indicators) {
    }

    public record QuarterView(String quarter, Map<String, BigDecimal> values) {
    }

    public record Rule(String zh, String en, double yellowBelow, double orangeBelow, double redBelow) {
    }

    public record View(int year, LocalDate asOf, double elapsedShare, Instant recordedBefore, Rule rule,
                       List<IndicatorView> city, List<AreaView> counties, List<AreaView> departments,
                       List<QuarterView> quarters, List<String> channelIndicators,
                       List<Projects.ProjectView> projects, int facts, List<Positions.TopicPosition> position) {
    }

    private final Figures figures;
    private final Targets targets;
    private final Pace pace;
    private final Positions positions;
    private final Clock clock;
    private final int planYear;

    public Dashboard(Figures figures, Targets targets, Pace pace, Positions positions,
                     Clock clock, @Value("${platform.plan.year:2020}") int planYear) {
        this.figures = figures;
        this.targets = targets;
        this.pace = pace;
        this.positions = positions;
        this.clock = clock;
        this.planYear = planYear;
    }

    public int planYear() {
        return planYear;
    }

    /**
     * @param year           the plan year (default: the configured plan year)
     * @param asOf           the day the pace is judged at (default: today, within the year)
     * @param recordedBefore for auditors: the figures as they stood at that moment (facts recorded before it)
     */
    public View view(Integer year, LocalDate asOf, Instant recordedBefore) {
        int y = year != null ? year : planYear;
        Figures.Source ledger = recordedBefore == null ? figures.live(y) : figures.recordedBefore(recordedBefore);
        return view(ledger, y, asOf != null ? asOf : today(y), String.valueOf(y), recordedBefore);
    }

    /** One line of the quarter-end report (季度报告). */
    public record ReportLine(String id, String zh, String en, BigDecimal quarter, BigDecimal yearToDate,
                             BigDecimal target, BigDecimal ratio, Pace.Status status) {
    }

    /**
     * The quarter-end report of an area (the city or a county): each indicator in the quarter and from the year's
     * start to the quarter's end (business time, so late entries count in their own quarter), against the
     * annual target and judged at the quarter's end. No second ledger: the quarter's figures and those of the year
     * to date up to it ({@code 2020YTD2}) are kept by the projection.
     */
    public List<ReportLine> quarterReport(int year, int quarter, String area) {
        Figures.Source live = figures.live(year);
        String yearToDate = Fact.yearToDate(year, quarter);
        Figures.Source ledger = new Figures.Source() {
            @Override
            public BigDecimal value(String indicator, String a, String period) {
                return live.value(indicator, a, period.equals(String.valueOf(year)) ? yearToDate : period);
            }

            @Override
            public java.util.Set<String> departments() {
                return live.departments();
            }

            @Override
            public List<Projects.ProjectView> projects(String a) {
                return live.projects(a);
            }

            @Override
            public long facts() {
                return live.facts();
            }
        };
        LocalDate end = LocalDate.of(year, quarter * 3, 1);
        double elapsed = Pace.elapsedShare(year, end.withDayOfMonth(end.lengthOfMonth()));
        List<ReportLine> lines = new ArrayList<>();
        for (IndicatorView v : indicators(ledger, targetsOf(year), area, String.valueOf(year), elapsed)) {
            BigDecimal inQuarter = IndicatorCatalog.definition(v.id()).isPresent()
                    ? ledger.value(v.id(), area, year + "Q" + quarter) : null;
            lines.add(new ReportLine(v.id(), v.zh(), v.en(), inQuarter, v.value(), v.target(), v.ratio(), v.status()));
        }
        return lines;
    }

    private View view(Figures.Source ledger, int year, LocalDate asOf, String period, Instant recordedBefore) {
        double elapsed = Pace.elapsedShare(year, asOf);
        Map<String, BigDecimal> goals = targetsOf(year);
        List<IndicatorView> city = indicators(ledger, goals, Fact.CITY, period, elapsed);
        List<AreaView> counties = new ArrayList<>();
        new TreeMap<>(Counties.CHANGDU).forEach((code, name) ->
                counties.add(new AreaView(code, name, indicators(ledger, goals, code, period, elapsed))));
        List<AreaView> departments = new ArrayList<>();
        ledger.departments().stream().sorted().forEach(d ->
                departments.add(new AreaView("dept:" + d, d, indicators(ledger, goals, "dept:" + d, period, elapsed))));
        List<QuarterView> quarters = new ArrayList<>();
        for (int q = 1; q <= 4; q++) {
            Map<String, BigDecimal> values = new LinkedHashMap<>();
            for (IndicatorCatalog.Definition d : IndicatorCatalog.DEFINITIONS) {
                values.put(d.id(), ledger.value(d.id(), Fact.CITY, year + "Q" + q));
            }
            quarters.add(new QuarterView(year + "Q" + q, values));
        }
        return new View(year, asOf, elapsed, recordedBefore, rule(), city, counties, departments, quarters,
                IndicatorCatalog.CHANNEL_INDICATORS, ledger.projects(Fact.CITY), (int) ledger.facts(), positions.latest());
    }

    /** The year's targets by indicator and area, read once per view (not once per indicator and area). */
    private Map<String, BigDecimal> targetsOf(int year) {
        Map<String, BigDecimal> goals = new java.util.HashMap<>();
        targets.all(year).forEach(t -> goals.put(t.indicator() + "|" + t.area(), t.value()));
        return goals;
    }

    private List<IndicatorView> indicators(Figures.Source ledger, Map<String, BigDecimal> goals, String area, String period,
                                           double elapsed) {
        List<IndicatorView> views = new ArrayList<>();
        for (IndicatorCatalog.Definition d : IndicatorCatalog.DEFINITIONS) {
            BigDecimal value = ledger.value(d.id(), area, period);
            BigDecimal target = goals.get(d.id() + "|" + area);
            BigDecimal ratio = target == null || target.signum() == 0 ? null
                    : value.multiply(BigDecimal.valueOf(100)).divide(target, 1, RoundingMode.HALF_EVEN);
            views.add(new IndicatorView(d.id(), d.zh(), d.en(), value, target, ratio,
                    pace.status(value, target, elapsed, d.direction())));
        }
        for (IndicatorCatalog.Ratio r : IndicatorCatalog.RATIOS) {
            BigDecimal denominator = ledger.value(r.denominator(), area, period);
            BigDecimal value = denominator.signum() == 0 ? null : ledger.value(r.numerator(), area, period)
                    .multiply(BigDecimal.valueOf(100)).divide(denominator, 1, RoundingMode.HALF_EVEN);
            BigDecimal target = goals.get(r.id() + "|" + area);
            BigDecimal ratio = value == null || target == null || target.signum() == 0 ? null
                    : value.multiply(BigDecimal.valueOf(100)).divide(target, 1, RoundingMode.HALF_EVEN);
            // a share is judged against its target as it stands: no pace over the year
            views.add(new IndicatorView(r.id(), r.zh(), r.en(), value, target, ratio, value == null
                    ? pace.status(BigDecimal.ZERO, null, 1, r.direction())
                    : pace.status(value, target, 1, r.direction())));
        }
        return views;
    }

    private Rule rule() {
        return new Rule(
                "按时间进度预警：进度 = 完成值 ÷（年度目标 × 已过时间占全年比例）。进度 ≥ " + pct(pace.yellowBelow())
                        + " 为绿色；" + pct(pace.orangeBelow()) + "–" + pct(pace.yellowBelow()) + " 为黄色；"
                        + pct(pace.redBelow()) + "–" + pct(pace.orangeBelow()) + " 为橙色；低于 " + pct(pace.redBelow())
                        + " 为红色。年末预测 = 完成值 ÷ 已过时间比例。",
                "Pace warning: progress = value ÷ (annual target × share of the year elapsed). Green at ≥ "
                        + pct(pace.yellowBelow()) + ", yellow " + pct(pace.orangeBelow()) + "–" + pct(pace.yellowBelow())
                        + ", orange " + pct(pace.redBelow()) + "–" + pct(pace.orangeBelow()) + ", red below "
                        + pct(pace.redBelow()) + ". Year-end forecast = value ÷ share elapsed.",
                pace.yellowBelow(), pace.orangeBelow(), pace.redBelow());
    }

    private LocalDate today(int year) {
        LocalDate today = BusinessTime.dateOf(clock.instant());
        LocalDate yearEnd = LocalDate.of(year, 12, 31);
        return today.isAfter(yearEnd) ? yearEnd : today;
    }

    private static String pct(double share) {
        return Math.round(share * 100) + "%";
    }
}
