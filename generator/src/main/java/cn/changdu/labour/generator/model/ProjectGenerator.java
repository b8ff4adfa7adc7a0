package cn.changdu.labour.generator.model;

import cn.changdu.labour.generator.model.Geography.County;
import cn.changdu.labour.generator.model.People.Person;
import cn.changdu.labour.generator.model.Project.Dispute;
import cn.changdu.labour.generator.model.Project.Stint;
import cn.changdu.labour.generator.model.Project.WageIssue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The year's construction projects: about 200 at scale 1 of the departments that own them, 50,000-odd roster
 * workers (local farmers and herders around 30 % of each roster, some projects below), paid monthly; a few
 * months paid late or in part or not at all, some of them disputed.
 */
final class ProjectGenerator {

    static final int PROJECTS = 200;
    static final int ROSTER_WORKERS = 52_000;
    static final int MIN_PROJECTS = 6;

    /** Departments, their share of the projects, and the names their projects go by. */
    private static final Map<String, List<String>> NAMES = new LinkedHashMap<>();

    static {
        NAMES.put("交通局", List.of("国道317线%s段改建整治工程", "%s%s农村公路通畅工程", "%s县乡道路提升改造工程", "国道318线%s段养护工程"));
        NAMES.put("住建局", List.of("%s%s易地扶贫搬迁安置点建设项目", "%s城区市政道路及管网改造工程", "%s保障性住房建设项目"));
        NAMES.put("水利局", List.of("%s%s农村饮水安全巩固提升工程", "%s澜沧江防洪堤建设工程", "%s灌区续建配套工程"));
        NAMES.put("发改委", List.of("%s%s旅游基础设施建设项目", "%s光伏电站配套工程", "%s冷链物流园建设项目"));
        NAMES.put("农业农村局", List.of("%s高标准农田建设项目", "%s%s牦牛养殖基地建设项目"));
    }

    private static final double[] DEPARTMENT_WEIGHTS = {0.3, 0.3, 0.2, 0.12, 0.08};
    private static final List<String> CONTRACTORS = List.of("西藏天路股份有限公司", "西藏建工建材集团有限公司",
            "中国电建集团成都勘测设计研究院有限公司", "中铁二十局集团有限公司", "四川路桥建设集团股份有限公司",
            "昌都市城市建设投资有限公司", "西藏昌都市兴昌建筑工程有限公司");
    private static final List<String> TRADES = List.of("钢筋工", "木工", "砌筑工", "混凝土工", "架子工", "电工", "焊工",
            "机械操作工", "筑路工", "管道工", "普工", "普工", "普工");

    private final Scale scale;
    private final People people;
    private final SplittableRandom random;
    /** People who left a roster and may join another, with the day they are free again (one roster at a time). */
    private final Map<String, Deque<Free>> freeLocals = new HashMap<>();
    private final Deque<Free> freeOutsiders = new ArrayDeque<>();
    private int stintNo;
    private int disputeNo;

    private record Free(Person person, LocalDate from) {
    }

    ProjectGenerator(Scale scale, People people) {
        this.scale = scale;
        this.people = people;
        this.random = scale.random("projects");
    }

    List<Project> generate() {
        int count = scale.of(PROJECTS, MIN_PROJECTS);
        int workers = scale.of(ROSTER_WORKERS, MIN_PROJECTS * 8);
        List<String> departments = List.copyOf(NAMES.keySet());
        // registered in start order, so people can move from a finished project to a later one
        List<LocalDate> starts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            starts.add(Draw.seasonalDate(LocalDate.of(2020, 2, 10), LocalDate.of(2020, 9, 30), random));
        }
        starts.sort(null);
        double[] sizes = new double[count];
        double total = 0;
        for (int i = 0; i < count; i++) {
            sizes[i] = Math.exp(Draw.normal(0, 0.7, -2, 2, random));
            total += sizes[i];
        }
        List<Project> projects = new ArrayList<>();
        Map<String, Integer> namesUsed = new HashMap<>();
        for (int i = 0; i < count; i++) {
            County county = Geography.pick(random);
            String department = departments.get(Draw.weighted(DEPARTMENT_WEIGHTS, random));
            String name = name(county, department, namesUsed);
            LocalDate start = starts.get(i);
            LocalDate plannedEnd = start.plusMonths(Draw.between(4, 16, random));
            int stints = Math.max(4, (int) Math.round(workers * sizes[i] / total));
            // one project in five hires too few local farmers and herders
            double localTarget = i % 5 == 4 ? 0.10 + 0.12 * random.nextDouble() : Draw.normal(0.35, 0.04, 0.3, 0.5, random);
            boolean government = Draw.chance(0.7, random);
            List<Stint> roster = roster(county, start, plannedEnd, stints, localTarget);
            int planned = (int) Math.max(roster.size() * 0.6, Math.round(roster.size() * (0.6 + 0.3 * random.nextDouble())));
            LocalDate closedOn = plannedEnd.isAfter(LocalDate.of(2020, 11, 30)) ? null
                    : plannedEnd.plusDays(Draw.between(5, 15, random));
            Map<String, WageIssue> issues = new HashMap<>();
            List<Dispute> disputes = new ArrayList<>();
            Project draft = new Project(i + 1, county, name, department, government, planned, Draw.one(CONTRACTORS, random),
                    start, plannedEnd, Draw.officeHours(WorkingDays.onOrAfter(start.minusDays(Draw.between(5, 30, random))), random),
                    15, Draw.chance(0.6, random), Draw.chance(0.4, random), localTarget, roster, issues, disputes, closedOn);
            wages(draft, issues, disputes);
            projects.add(draft);
        }
        ensureOpenArrears(projects);
        return projects;
    }

    private String name(County county, String department, Map<String, Integer> used) {
        String template = Draw.one(NAMES.get(department), random);
        String township = Draw.one(county.townships(), random);
        String name = template.chars().filter(c -> c == '%').count() == 2
                ? String.format(template, county.name(), township) : String.format(template, county.name());
        int n = used.merge(name, 1, Integer::sum);
        return n == 1 ? name : name + "（" + "一二三四五六七八九十".charAt(Math.min(9, n - 1)) + "期）";
    }

    /** The stints of a project: a first crew at the start, others joining over the season, most leaving again. */
    private List<Stint> roster(County county, LocalDate start, LocalDate plannedEnd, int stints, double localTarget) {
        LocalDate lastJoin = min(plannedEnd.minusDays(20), LocalDate.of(2020, 11, 30));
        if (lastJoin.isBefore(start.plusDays(7))) {
            lastJoin = start.plusDays(7);
        }
        LocalDate endOfWork = plannedEnd.isAfter(LocalDate.of(2020, 11, 30)) ? null : plannedEnd;
        List<Stint> roster = new ArrayList<>();
        int firstCrew = (int) Math.round(stints * (0.4 + 0.2 * random.nextDouble()));
        // a project that hires too few locals has its outside crew in first: below 30 % from its first day
        boolean lowShare = localTarget < 0.3;
        // exactly the project's share of locals (not a coin per worker: small rosters would stray far from it)
        List<Integer> eligible = new ArrayList<>();
        for (int k = lowShare ? firstCrew / 2 : 0; k < stints; k++) {
            eligible.add(k);
        }
        java.util.Collections.shuffle(eligible, new java.util.Random(random.nextLong()));
        java.util.Set<Integer> locals = new java.util.HashSet<>(eligible.subList(0,
                (int) Math.min(eligible.size(), Math.round(localTarget * stints))));
        for (int k = 0; k < stints; k++) {
            boolean first = k < firstCrew;
            // the first crew comes on the first day (one roster file when the project imports it)
            LocalDate joined = first ? start
                    : start.plusDays(7 + random.nextInt((int) Math.max(1, lastJoin.toEpochDay() - start.toEpochDay() - 6)));
            LocalDate left = Draw.chance(0.55, random) ? joined.plusDays(Draw.between(25, 180, random)) : null;
            if (endOfWork != null && (left == null || left.isAfter(endOfWork))) {
                left = endOfWork;
            }
            if (left != null && left.isAfter(LocalDate.of(2020, 12, 31))) {
                left = null;
            }
            boolean local = locals.contains(k);
            Person person = local ? localWorker(county, joined, roster) : outsider(joined, roster);
            String trade = Draw.one(TRADES, random);
            int base = trade.equals("普工") ? Draw.between(38, 46, random) : Draw.between(48, 70, random);
            BigDecimal rate = BigDecimal.valueOf(base * 100L + (local ? 0 : 500)).setScale(2, RoundingMode.UNNECESSARY);
            roster.add(new Stint(++stintNo, person, local, trade, rate, joined, left, first));
            if (left != null) {
                // free again two days after leaving: one roster at a time, city-wide
                Free free = new Free(person, left.plusDays(2));
                if (local) {
                    freeLocals.computeIfAbsent(person.countyCode(), c -> new ArrayDeque<>()).addLast(free);
                } else {
                    freeOutsiders.addLast(free);
                }
            }
        }
        return roster;
    }

    private Person localWorker(County county, LocalDate joined, List<Stint> roster) {
        County home = Draw.chance(0.8, random) ? county : Geography.pick(random);
        Person again = again(freeLocals.get(home.code()), joined, roster);
        return again != null ? again : people.local(home, random, 0.85);
    }

    private Person outsider(LocalDate joined, List<Stint> roster) {
        Person again = again(freeOutsiders, joined, roster);
        return again != null ? again : people.outsider(random);
    }

    /**
     * Now and then someone who left another project's roster, free again by {@code joined} (never one already on
     * this roster: a payroll names each worker once).
     */
    private Person again(Deque<Free> free, LocalDate joined, List<Stint> roster) {
        if (free == null || free.isEmpty() || free.peekFirst().from().isAfter(joined) || !Draw.chance(0.1, random)) {
            return null;
        }
        Person person = free.peekFirst().person();
        if (roster.stream().anyMatch(s -> s.person() == person)) {
            return null;
        }
        return free.pollFirst().person();
    }

    /** Which months are paid late, in part or not at all, and the disputes some of them bring. */
    private void wages(Project project, Map<String, WageIssue> issues, List<Dispute> disputes) {
        for (Stint stint : project.stints()) {
            for (YearMonth period = YearMonth.from(stint.joined()); !period.isAfter(YearMonth.of(2020, 12))
                    && (stint.left() == null || !period.isAfter(YearMonth.from(stint.left()))); period = period.plusMonths(1)) {
                LocalDate due = project.dueDate(period);
                double roll = random.nextDouble();
                WageIssue issue = null;
                if (roll < 0.025) {
                    issue = new WageIssue("LATE", due.plusDays(Draw.between(3, 40, random)), null);
                } else if (roll < 0.03) {
                    issue = new WageIssue("PARTIAL", due.plusDays(Draw.between(10, 50, random)),
                            BigDecimal.valueOf(Draw.between(50, 80, random)).movePointLeft(2));
                } else if (roll < 0.034) {
                    issue = new WageIssue("UNPAID", null, null);
                }
                if (issue != null && !issue.kind().equals("LATE") && Draw.chance(0.4, random)) {
                    // the worker files a wage-arrears dispute; mediation settles it and the wage is paid
                    LocalDate filed = due.plusDays(Draw.between(10, 30, random));
                    LocalDate resolved = filed.plusDays(Draw.between(15, 40, random));
                    BigDecimal owed = stint.dueFor(period).subtract(issue.part() == null ? BigDecimal.ZERO
                            : stint.dueFor(period).multiply(issue.part()).setScale(2, RoundingMode.HALF_UP));
                    disputes.add(new Dispute(++disputeNo, stint, "WAGE_ARREARS", owed, period + " 工资未按时足额发放",
                            filed, resolved, "MEDIATED", owed));
                    issue = new WageIssue(issue.kind(), resolved.plusDays(Draw.between(1, 5, random)), issue.part());
                }
                if (issue != null) {
                    issues.put(Project.issueKey(stint, period), issue);
                }
            }
            if (Draw.chance(0.002, random)) {
                LocalDate filed = stint.joined().plusDays(Draw.between(20, 90, random));
                String category = Draw.one(List.of("LABOUR_CONTRACT", "SOCIAL_INSURANCE", "WORK_INJURY"), random);
                disputes.add(new Dispute(++disputeNo, stint, category, null, "劳动合同及社保事项争议", filed,
                        filed.plusDays(Draw.between(20, 60, random)), Draw.one(List.of("MEDIATED", "ARBITRATION_AWARD", "WITHDRAWN"), random),
                        null));
            }
        }
        if (Draw.chance(0.05, random)) {
            // a collective dispute (no one person named) about a subcontractor's pay
            LocalDate filed = project.start().plusDays(Draw.between(40, 120, random));
            disputes.add(new Dispute(++disputeNo, null, "WAGE_ARREARS", BigDecimal.valueOf(Draw.between(2, 9, random) * 10_000L)
                    .setScale(2, RoundingMode.UNNECESSARY), "分包班组集体反映工资结算问题", filed,
                    filed.plusDays(Draw.between(10, 30, random)), "MEDIATED", null));
        }
    }

    /**
     * A month paid by --until's last due date that stays unpaid: the dashboard's open wage arrears on the day after
     * --until (a government-invested project if there is one: the plan's 治欠保支 priority).
     */
    private void ensureOpenArrears(List<Project> projects) {
        LocalDate until = scale.until();
        for (Project p : projects) {
            for (Map.Entry<String, WageIssue> e : p.wageIssues().entrySet()) {
                YearMonth period = YearMonth.parse(e.getKey().substring(e.getKey().indexOf('|') + 1));
                WageIssue issue = e.getValue();
                if (p.dueDate(period).isBefore(until) && (issue.paidOn() == null || issue.paidOn().isAfter(until))) {
                    return;
                }
            }
        }
        YearMonth period = YearMonth.from(until).minusMonths(YearMonth.from(until).atDay(15).isBefore(until) ? 1 : 2);
        projects.stream().sorted(java.util.Comparator.comparing((Project p) -> !p.governmentInvested()))
                .flatMap(p -> p.stints().stream().filter(s -> s.daysIn(period) > 0).map(s -> Map.entry(p, s)))
                .findFirst()
                .ifPresent(e -> e.getKey().wageIssues().put(Project.issueKey(e.getValue(), period), new WageIssue("UNPAID", null, null)));
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
