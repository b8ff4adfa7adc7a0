package cn.changdu.labour.generator.model;

import cn.changdu.labour.generator.model.Employment.Batch;
import cn.changdu.labour.generator.model.Employment.Ending;
import cn.changdu.labour.generator.model.Employment.Household;
import cn.changdu.labour.generator.model.Employment.Intermediary;
import cn.changdu.labour.generator.model.Employment.JobFair;
import cn.changdu.labour.generator.model.Employment.JobPosting;
import cn.changdu.labour.generator.model.Employment.LabourForce;
import cn.changdu.labour.generator.model.Employment.Placement;
import cn.changdu.labour.generator.model.Employment.Records;
import cn.changdu.labour.generator.model.Employment.Unemployment;
import cn.changdu.labour.generator.model.Employment.UrbanEmployment;
import cn.changdu.labour.generator.model.Employment.Verification;
import cn.changdu.labour.generator.model.Geography.County;
import cn.changdu.labour.generator.model.People.Person;
import cn.changdu.labour.generator.model.Project.Stint;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The year's transfer employment (measures 7–13): placements in the five channels in the plan's proportions
 * (trainees placed after their class, local roster workers, members of relocated households, and everyone else),
 * their 3-month checks, ends, income reports and subsidies; intermediaries, relocated households, job fairs, jobs
 * developed, urban employment and unemployment.
 */
final class EmploymentGenerator {

    /**
     * Transfers per channel at scale 1: the plan's minimums for four channels (55k, 20k, 15k, 30k) with a little
     * over, and organised out-of-region work (the plan's 1,100 government-organised and more by work teams).
     */
    static final Map<String, Integer> CHANNELS = new LinkedHashMap<>();

    static {
        CHANNELS.put("ORGANISED_OUT_OF_REGION", 3_500);
        CHANNELS.put("CONSTRUCTION_PROJECT", 56_000);
        CHANNELS.put("LOCAL_INDUSTRY", 20_500);
        CHANNELS.put("SOCIAL_FORCES", 15_500);
        CHANNELS.put("PRIVATE_ENTERPRISE", 30_500);
    }

    static final int HOUSEHOLDS = 5_000;
    static final int JOBS_DEVELOPED = 10_000;
    static final int URBAN_NEW_EMPLOYMENT = 6_500;
    static final long TRANSFER_INCOME = 660_000_000L;
    /** Urban labour force of the counties at scale 1 (an illustrative base of the unemployment rate). */
    static final int URBAN_LABOUR_FORCE = 90_000;

    private static final List<String> PARTNER_PROVINCES = List.of("天津", "重庆", "福建", "广东", "浙江", "江苏");
    private static final Map<String, List<String>> EMPLOYERS = Map.of(
            "ORGANISED_OUT_OF_REGION", List.of("天津滨海新区重型装备制造有限公司", "天津经济技术开发区电子科技有限公司",
                    "重庆两江新区汽车零部件有限公司", "福建晋江鞋服制造有限公司", "广东东莞电子制造有限公司", "浙江义乌小商品物流有限公司"),
            "CONSTRUCTION_PROJECT", List.of("西藏天路股份有限公司", "西藏建工建材集团有限公司", "昌都市城市建设投资有限公司",
                    "中铁二十局集团有限公司", "四川路桥建设集团股份有限公司"),
            "LOCAL_INDUSTRY", List.of("类乌齐县牦牛产业开发有限公司", "察雅县藏香猪养殖专业合作社", "芒康县葡萄酒业有限公司",
                    "左贡县农牧民专业合作社", "丁青县民族手工艺品合作社", "江达县藏香制作专业合作社", "边坝县农畜产品加工合作社"),
            "SOCIAL_FORCES", List.of("拉萨市家和家政服务有限公司", "西藏高原劳务派遣有限公司", "成都蓉城物业服务有限公司",
                    "林芝市鲁朗旅游服务有限公司"),
            "PRIVATE_ENTERPRISE", List.of("昌都市茶马古道酒店有限公司", "昌都市康巴物流有限公司", "八宿县然乌湖旅游服务有限公司",
                    "左贡县鑫源汽车维修有限公司", "西藏圣源商贸有限公司", "察雅县雪域建材有限公司", "昌都市城投电力安装有限公司"));
    private static final List<String> URBAN_EMPLOYERS = List.of("昌都市康巴物流有限公司", "昌都市茶马古道酒店有限公司",
            "中国邮政集团有限公司昌都市分公司", "昌都市人民医院后勤服务中心", "西藏圣源商贸有限公司", "昌都市城市建设投资有限公司");
    private static final List<String> SECTORS = List.of("建筑业", "制造业", "农牧业", "住宿餐饮", "交通物流", "家政服务", "批发零售");

    private final Scale scale;
    private final People people;
    private final SplittableRandom random;
    private final Set<String> placed = new HashSet<>();
    private final List<Placement> placements = new ArrayList<>();
    private final Map<String, Integer> used = new HashMap<>();
    private int placementNo;
    private int governmentOrganised;

    EmploymentGenerator(Scale scale, People people) {
        this.scale = scale;
        this.people = people;
        this.random = scale.random("employment");
    }

    Records generate(List<TrainingClass> classes, List<Project> projects) {
        List<Intermediary> intermediaries = intermediaries();
        List<JobFair> fairs = jobFairs();
        List<Household> households = households();
        rosterPlacements(projects);
        traineePlacements(classes);
        householdPlacements(households);
        for (Map.Entry<String, Integer> channel : CHANNELS.entrySet()) {
            int quota = scale.of(channel.getValue(), 6);
            for (int n = used.getOrDefault(channel.getKey(), 0); n < quota; n++) {
                County county = Geography.pick(random);
                newPlacement(people.local(county, random, 0.6), channel.getKey(),
                        Draw.seasonalDate(LocalDate.of(2020, 1, 3), LocalDate.of(2020, 12, 20), random), intermediaries, fairs);
            }
        }
        secondPlacements();
        batches();
        List<Placement> done = incomes(placements);
        List<LabourForce> labourForce = new ArrayList<>();
        List<UrbanEmployment> urban = new ArrayList<>();
        List<Unemployment> unemployment = new ArrayList<>();
        urban(labourForce, urban, unemployment);
        return new Records(intermediaries, households, fairs, postings(), done, urban, unemployment, labourForce);
    }

    // ------------------------------------------------------------------ labour-market bodies, fairs, households

    private List<Intermediary> intermediaries() {
        List<Intermediary> list = new ArrayList<>();
        int workTeams = Math.max(1, (int) Math.round(8 * Math.min(1, scale.factor() * 4)));
        for (County c : Geography.COUNTIES) {
            list.add(intermediary(list.size() + 1, c, c.name() + "康巴人力资源服务有限公司", "HR_AGENCY", null));
            list.add(intermediary(list.size() + 1, c, c.name() + "雪域劳务经纪服务部", "LABOUR_BROKER", null));
            for (int t = 0; t < workTeams && t < c.townships().size(); t++) {
                String township = c.townships().get(t);
                list.add(intermediary(list.size() + 1, c, c.name() + township + "务工联队", "WORK_TEAM", township));
            }
            if (scale.factor() >= 0.1) {
                String township = c.townships().get(1);
                list.add(intermediary(list.size() + 1, c, c.name() + township + "转移就业合作社", "TRANSFER_COOPERATIVE", township));
            }
        }
        // one broker found charging workers fees is suspended in July
        if (scale.until().isAfter(LocalDate.of(2020, 7, 20))) {
            Intermediary broker = list.get(1);
            list.set(1, new Intermediary(broker.no(), broker.county(), broker.name(), broker.kind(), broker.township(),
                    broker.recognisedOn(), LocalDate.of(2020, 7, 15), "违规向务工人员收取中介费用"));
        }
        return list;
    }

    private Intermediary intermediary(int no, County county, String name, String kind, String township) {
        return new Intermediary(no, county, name, kind, township,
                WorkingDays.onOrAfter(LocalDate.of(2020, 1, 6).plusDays(random.nextInt(60))), null, null);
    }

    private List<JobFair> jobFairs() {
        List<JobFair> fairs = new ArrayList<>();
        int perCounty = scale.factor() < 0.05 ? 1 : Draw.between(2, 3, random);
        for (County c : Geography.COUNTIES) {
            for (int k = 0; k < perCounty; k++) {
                LocalDate held = k % 2 == 0 ? LocalDate.of(2020, 2, 20).plusDays(random.nextInt(55))
                        : LocalDate.of(2020, 9, 1).plusDays(random.nextInt(60));
                String name = k % 2 == 0 ? c.name() + "2020年春风行动专场招聘会" : c.name() + "2020年秋季农牧民转移就业招聘会";
                if (k == 2) {
                    name = c.name() + "易地搬迁安置点就业对接会";
                    held = LocalDate.of(2020, 5, 10).plusDays(random.nextInt(40));
                }
                int employers = Draw.between(8, 40, random);
                fairs.add(new JobFair(fairs.size() + 1, c, name, WorkingDays.onOrAfter(held), employers,
                        employers * Draw.between(5, 20, random), Draw.between(150, 1200, random)));
            }
        }
        return fairs;
    }

    private List<Household> households() {
        int count = scale.of(HOUSEHOLDS, 11);
        List<Household> list = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            County c = i < 11 ? Geography.COUNTIES.get(i) : Geography.pick(random);
            list.add(new Household(i + 1, c, Draw.one(c.relocationSites(), random), people.local(c, random, 0.6),
                    Draw.between(1, 4, random), WorkingDays.onOrAfter(LocalDate.of(2020, 1, 8).plusDays(random.nextInt(150)))));
        }
        return list;
    }

    // ------------------------------------------------------------------ placements

    /** Half the local farmers and herders on rosters are also recorded here, with the project (counted once). */
    private void rosterPlacements(List<Project> projects) {
        Set<String> onRoster = new HashSet<>();
        for (Project p : projects) {
            for (Stint s : p.stints()) {
                if (!s.local() || !onRoster.add(s.person().residentId())) {
                    continue;
                }
                count("CONSTRUCTION_PROJECT");
                if (Draw.chance(0.5, random)) {
                    Ending ending = s.left() == null ? null
                            : new Ending(s.left(), "CONTRACT_ENDED", Draw.officeHours(WorkingDays.onOrAfter(s.left().plusDays(1)), random));
                    String destination = s.person().countyCode().equals(p.county().code()) ? "IN_COUNTY" : "IN_TIBET";
                    add(s.person(), "CONSTRUCTION_PROJECT", destination, null, p.contractor(), s.joined(), s.rate(), null,
                            null, null, p, null, null, ending);
                } else {
                    // a transfer through the roster alone; the person is still someone with a job this year
                    placed.add(s.person().residentId());
                }
            }
        }
    }

    /** Trainees employed after their class (the first follow-up found them working) are placed. */
    private void traineePlacements(List<TrainingClass> classes) {
        for (TrainingClass c : classes) {
            for (TrainingClass.Trainee t : c.trainees()) {
                if (t.firstFollowUp() == null || !t.firstFollowUp().status().equals("EMPLOYED")
                        || placed.contains(t.person().residentId())) {
                    continue;
                }
                String channel = switch (c.trade().category()) {
                    case "RAILWAY_RESERVE", "CONSTRUCTION_RELOCATION" -> "CONSTRUCTION_PROJECT";
                    case "ETHNIC_HANDICRAFTS", "BLUE_SKY_INDUSTRIES" -> "LOCAL_INDUSTRY";
                    case "OTHER_TRADES" -> Draw.chance(0.5, random) ? "SOCIAL_FORCES" : "PRIVATE_ENTERPRISE";
                    default -> "PRIVATE_ENTERPRISE";
                };
                if (Draw.chance(0.1, random)) {
                    channel = "ORGANISED_OUT_OF_REGION";
                }
                long gap = Math.max(4, t.firstFollowUp().on().toEpochDay() - c.end().toEpochDay());
                LocalDate start = c.end().plusDays(3 + random.nextInt((int) gap - 3));
                Placement p = newPlacement(t.person(), channel, start, List.of(), List.of());
                placements.set(placements.size() - 1, withClass(p, c));
            }
        }
    }

    /** In 94 % of relocated households at least one member works. */
    private void householdPlacements(List<Household> households) {
        for (Household h : households) {
            if (h.no() == 2 || Draw.chance(0.04, random) && h.no() > 1) {
                continue; // nobody employed: the dashboard counts these households (red above zero)
            }
            Person member = Draw.chance(0.5, random) ? h.head() : people.local(h.county(), random, 0.6);
            if (placed.contains(member.residentId())) {
                continue;
            }
            double roll = random.nextDouble();
            String channel = roll < 0.4 ? "LOCAL_INDUSTRY" : roll < 0.7 ? "PRIVATE_ENTERPRISE" : "CONSTRUCTION_PROJECT";
            LocalDate start = h.registeredOn().plusDays(Draw.between(10, 150, random));
            add(member, channel, "IN_COUNTY", null, Draw.one(EMPLOYERS.get(channel), random), start, income(channel),
                    Draw.chance(0.5, random) ? "WORK_TEAM" : null, null, null, null, h, null, null);
        }
    }

    /** A placement of someone new to employment-service this year, in one channel, with what goes with it. */
    private Placement newPlacement(Person person, String channel, LocalDate start, List<Intermediary> intermediaries,
                                   List<JobFair> fairs) {
        String destination;
        String province = null;
        String organisedBy = null;
        Intermediary intermediary = null;
        JobFair fair = null;
        switch (channel) {
            case "ORGANISED_OUT_OF_REGION" -> {
                destination = "OUT_OF_REGION";
                province = Draw.one(PARTNER_PROVINCES, random);
                double roll = random.nextDouble();
                // half by the government (the plan's ≥ 1,100), the first one always: even a tiny year has one
                organisedBy = roll < 0.5 || governmentOrganised++ == 0 ? "GOVERNMENT" : roll < 0.78 ? "LABOUR_MARKET_BODY" : "WORK_TEAM";
            }
            case "SOCIAL_FORCES" -> {
                boolean outside = Draw.chance(0.3, random);
                destination = outside ? "OUT_OF_REGION" : "IN_TIBET";
                province = outside ? Draw.one(List.of("四川", "广东", "浙江"), random) : null;
                organisedBy = "LABOUR_MARKET_BODY";
                if (Draw.chance(0.7, random)) {
                    intermediary = recognisedIntermediary(person.countyCode(), start, intermediaries);
                }
            }
            case "CONSTRUCTION_PROJECT" -> destination = Draw.chance(0.7, random) ? "IN_COUNTY" : "IN_TIBET";
            case "PRIVATE_ENTERPRISE" -> destination = Draw.chance(0.6, random) ? "IN_COUNTY" : "IN_TIBET";
            default -> destination = "IN_COUNTY";
        }
        if (organisedBy == null) {
            double roll = random.nextDouble();
            organisedBy = roll < 0.2 ? "WORK_TEAM" : roll < 0.3 ? "LABOUR_MARKET_BODY" : roll < 0.7 ? "SELF" : null;
        }
        if (!fairs.isEmpty() && Draw.chance(0.04, random)) {
            fair = fairs.stream().filter(f -> f.county().code().equals(person.countyCode()) && f.heldOn().isBefore(start)
                    && f.heldOn().plusDays(60).isAfter(start)).findFirst().orElse(null);
        }
        Ending ending = null;
        if (Draw.chance(0.4, random)) {
            LocalDate on = start.plusDays(Draw.between(30, 210, random));
            if (!on.isAfter(LocalDate.of(2020, 12, 31))) {
                String reason = Draw.one(List.of("CONTRACT_ENDED", "CONTRACT_ENDED", "RETURNED_HOME", "RESIGNED"), random);
                ending = new Ending(on, reason, Draw.officeHours(WorkingDays.onOrAfter(on.plusDays(random.nextInt(6))), random));
            }
        }
        return add(person, channel, destination, province, Draw.one(EMPLOYERS.get(channel), random), start, income(channel),
                organisedBy, intermediary, null, null, null, fair, ending);
    }

    private Intermediary recognisedIntermediary(String county, LocalDate start, List<Intermediary> intermediaries) {
        return intermediaries.stream()
                .filter(i -> i.county().code().equals(county) && (i.kind().equals("HR_AGENCY") || i.kind().equals("LABOUR_BROKER"))
                        && i.recognisedOn().isBefore(start) && (i.suspendedOn() == null || i.suspendedOn().isAfter(start.plusDays(130))))
                .findFirst().orElse(null);
    }

    private BigDecimal income(String channel) {
        int hundreds = switch (channel) {
            case "ORGANISED_OUT_OF_REGION" -> Draw.between(42, 60, random);
            case "CONSTRUCTION_PROJECT" -> Draw.between(40, 65, random);
            case "LOCAL_INDUSTRY" -> Draw.between(24, 36, random);
            case "SOCIAL_FORCES" -> Draw.between(35, 50, random);
            default -> Draw.between(30, 50, random);
        };
        return BigDecimal.valueOf(hundreds * 100L).setScale(2, RoundingMode.UNNECESSARY);
    }

    /** Records a placement with its check (and the end it leads to), recorded by the county or the city. */
    private Placement add(Person person, String channel, String destination, String province, String employer,
                          LocalDate start, BigDecimal income, String organisedBy, Intermediary intermediary,
                          TrainingClass trainingClass, Project project, Employment.Household household, JobFair fair,
                          Ending ending) {
        boolean first = placed.add(person.residentId());
        if (first && project == null) {
            count(channel);
        }
        LocalDateTime recordedAt = project != null ? start.atTime(15, 0)
                : Draw.officeHours(WorkingDays.onOrAfter(start.plusDays(random.nextInt(8))), random);
        LocalDate due = start.plusMonths(3);
        Verification verification = null;
        double roll = random.nextDouble();
        // the check (稳岗核查) is made around the due date, for those who left before it too (found not employed)
        LocalDate on = roll < 0.88 ? due.minusDays(Draw.between(1, 10, random))
                : roll < 0.96 ? due.plusDays(Draw.between(1, 30, random)) : null;
        if (on != null) {
            double status = random.nextDouble();
            // a relocated household's worker is followed closely (the plan's focus): kept in work, if in another job
            String found = ending != null && ending.on().isBefore(on) ? "NOT_EMPLOYED"
                    : status < 0.85 ? "STILL_EMPLOYED"
                    : status < 0.91 || household != null || ending != null ? "CHANGED_JOB" : "NOT_EMPLOYED";
            verification = new Verification(on, found, Draw.officeHours(WorkingDays.onOrAfter(on), random));
            if (found.equals("NOT_EMPLOYED") && ending == null) {
                // the check found them gone: the end is recorded then, dated when they left
                LocalDate left = on.minusDays(Draw.between(5, 40, random));
                ending = new Ending(left.isBefore(start) ? start : left, "RETURNED_HOME", verification.recordedAt().plusHours(1));
            }
        }
        boolean working = verification != null && !verification.status().equals("NOT_EMPLOYED");
        boolean outOfRegion = working && channel.equals("ORGANISED_OUT_OF_REGION")
                && ("GOVERNMENT".equals(organisedBy) || Draw.chance(0.1, random));
        boolean intermediarySubsidy = working && intermediary != null;
        Placement p = new Placement(++placementNo, person, channel, destination, province, employer, start, income,
                organisedBy, intermediary, trainingClass, project, household, fair, recordedAt,
                "GOVERNMENT".equals(organisedBy) && channel.equals("ORGANISED_OUT_OF_REGION"), null, verification, ending,
                0, outOfRegion, intermediarySubsidy);
        placements.add(p);
        return p;
    }

    private static Placement withClass(Placement p, TrainingClass c) {
        return new Placement(p.no(), p.person(), p.channel(), p.destination(), p.province(), p.employer(), p.start(),
                p.monthlyIncome(), p.organisedBy(), p.intermediary(), c, p.project(), p.household(), p.jobFair(),
                p.recordedAt(), p.byCity(), p.batch(), p.verification(), p.ending(), p.incomeMonths(),
                p.outOfRegionSubsidy(), p.intermediarySubsidy());
    }

    private void count(String channel) {
        used.merge(channel, 1, Integer::sum);
    }

    /** Some who left a job find another later in the year (counted once: their first transfer). */
    private void secondPlacements() {
        List<Placement> firsts = List.copyOf(placements);
        for (Placement p : firsts) {
            if (p.ending() != null && p.household() == null && Draw.chance(0.04, random)) {
                LocalDate start = p.ending().on().plusDays(Draw.between(15, 60, random));
                if (start.isBefore(LocalDate.of(2020, 12, 20)) && start.isAfter(p.ending().recordedAt().toLocalDate())) {
                    String channel = Draw.chance(0.5, random) ? "PRIVATE_ENTERPRISE" : "LOCAL_INDUSTRY";
                    add(p.person(), channel, "IN_COUNTY", null, Draw.one(EMPLOYERS.get(channel), random), start,
                            income(channel), "SELF", null, null, null, null, null, null);
                }
            }
        }
    }

    /**
     * 40 % of the county-recorded placements that name no other record are reported in the county's quarterly file
     * (the quarter-end burst), at most 400 rows a file; the rest are recorded one by one.
     */
    private void batches() {
        Map<String, List<Integer>> byCountyQuarter = new LinkedHashMap<>();
        // people placed twice are recorded one by one: the file's later recording would move their first end
        Map<String, Integer> placementsOf = new HashMap<>();
        placements.forEach(p -> placementsOf.merge(p.person().residentId(), 1, Integer::sum));
        for (int i = 0; i < placements.size(); i++) {
            Placement p = placements.get(i);
            boolean plain = p.intermediary() == null && p.trainingClass() == null && p.project() == null
                    && p.household() == null && p.jobFair() == null && !p.byCity();
            if (plain && placementsOf.get(p.person().residentId()) == 1 && Draw.chance(0.4, random)) {
                int quarter = (p.start().getMonthValue() - 1) / 3 + 1;
                byCountyQuarter.computeIfAbsent(p.county().code() + "|" + quarter, k -> new ArrayList<>()).add(i);
            }
        }
        int batchNo = 0;
        for (Map.Entry<String, List<Integer>> e : byCountyQuarter.entrySet()) {
            County county = Geography.byCode(e.getKey().substring(0, 6));
            int quarter = Integer.parseInt(e.getKey().substring(7));
            LocalDate quarterEnd = YearMonth.of(2020, quarter * 3).atEndOfMonth();
            LocalDateTime sentAt = WorkingDays.onOrBefore(quarterEnd).atTime(15, 0);
            List<Integer> rows = e.getValue();
            for (int part = 0; part * 400 < rows.size(); part++) {
                Batch batch = new Batch(++batchNo, county, quarter, part + 1, sentAt.plusMinutes(part * 10L));
                for (int i : rows.subList(part * 400, Math.min(rows.size(), (part + 1) * 400))) {
                    placements.set(i, inBatch(placements.get(i), batch));
                }
            }
        }
    }

    /** The placement as reported in a quarterly file: recorded when the file is sent, its check and end after that. */
    private Placement inBatch(Placement p, Batch batch) {
        LocalDateTime after = batch.sentAt().plusDays(1);
        Verification v = p.verification() == null ? null : new Verification(p.verification().on(), p.verification().status(),
                later(p.verification().recordedAt(), after));
        Ending e = p.ending() == null ? null : new Ending(p.ending().on(), p.ending().reason(), later(p.ending().recordedAt(),
                v != null && p.ending().recordedAt().isAfter(p.verification().recordedAt()) ? v.recordedAt().plusHours(1) : after));
        return new Placement(p.no(), p.person(), p.channel(), p.destination(), p.province(), p.employer(), p.start(),
                p.monthlyIncome(), p.organisedBy(), p.intermediary(), p.trainingClass(), p.project(), p.household(),
                p.jobFair(), batch.sentAt(), p.byCity(), batch, v, e, p.incomeMonths(), p.outOfRegionSubsidy(),
                p.intermediarySubsidy());
    }

    private static LocalDateTime later(LocalDateTime a, LocalDateTime b) {
        return a.isAfter(b) ? a : b;
    }

    /**
     * Which months report income: every month worked could, but counties report some (seasonal work, incomes
     * collected quarterly); the share is chosen so the year's income comes to about the plan's 660 million.
     */
    private List<Placement> incomes(List<Placement> all) {
        double potential = 0;
        for (Placement p : all) {
            YearMonth last = p.ending() == null ? YearMonth.of(2020, 12) : YearMonth.from(p.ending().on());
            for (YearMonth m = YearMonth.from(p.start()); !m.isAfter(last); m = m.plusMonths(1)) {
                potential += p.incomeFor(m).doubleValue();
            }
        }
        double share = Math.min(1, TRANSFER_INCOME * scale.factor() * 1.03 / Math.max(1, potential));
        List<Placement> out = new ArrayList<>(all.size());
        for (Placement p : all) {
            int mask = 0;
            YearMonth last = p.ending() == null ? YearMonth.of(2020, 12) : YearMonth.from(p.ending().on());
            for (YearMonth m = YearMonth.from(p.start()); !m.isAfter(last); m = m.plusMonths(1)) {
                if (random.nextDouble() < share) {
                    mask |= 1 << (m.getMonthValue() - 1);
                }
            }
            out.add(new Placement(p.no(), p.person(), p.channel(), p.destination(), p.province(), p.employer(), p.start(),
                    p.monthlyIncome(), p.organisedBy(), p.intermediary(), p.trainingClass(), p.project(), p.household(),
                    p.jobFair(), p.recordedAt(), p.byCity(), p.batch(), p.verification(), p.ending(), mask,
                    p.outOfRegionSubsidy(), p.intermediarySubsidy()));
        }
        return out;
    }


    // ------------------------------------------------------------------ jobs, urban employment

    private List<JobPosting> postings() {
        int positions = scale.of(JOBS_DEVELOPED, 20);
        List<JobPosting> list = new ArrayList<>();
        while (positions > 0) {
            int n = Math.min(positions, Draw.between(2, 40, random));
            positions -= n;
            County c = Geography.pick(random);
            double roll = random.nextDouble();
            String region = roll < 0.5 ? "IN_COUNTY" : roll < 0.8 ? "IN_TIBET" : "OUT_OF_REGION";
            String channel = region.equals("OUT_OF_REGION") ? "ORGANISED_OUT_OF_REGION"
                    : Draw.one(List.of("CONSTRUCTION_PROJECT", "LOCAL_INDUSTRY", "PRIVATE_ENTERPRISE"), random);
            LocalDate published = WorkingDays.onOrAfter(Draw.seasonalDate(LocalDate.of(2020, 1, 6), LocalDate.of(2020, 12, 18), random));
            boolean fill = Draw.chance(0.5, random);
            boolean withdraw = !fill && Draw.chance(0.1, random);
            list.add(new JobPosting(list.size() + 1, c, Draw.one(EMPLOYERS.get(channel), random), Draw.one(SECTORS, random), n,
                    BigDecimal.valueOf(Draw.between(30, 70, random) * 100L).setScale(2, RoundingMode.UNNECESSARY), region,
                    region.equals("OUT_OF_REGION") ? Draw.one(PARTNER_PROVINCES, random) : null, published,
                    fill ? published.plusDays(Draw.between(10, 60, random)) : null, fill ? Draw.between(1, n, random) : 0,
                    withdraw ? published.plusDays(Draw.between(20, 90, random)) : null));
        }
        return list;
    }

    private void urban(List<LabourForce> labourForce, List<UrbanEmployment> urban, List<Unemployment> unemployment) {
        long base = scale.of(URBAN_LABOUR_FORCE, 2_000);
        for (County c : Geography.COUNTIES) {
            // the city seat holds almost half of the urban labour force
            double share = c.code().equals("540302") ? 0.45 : 0.55 * Geography.weight(c) / (1 - Geography.weight(Geography.COUNTIES.get(0)));
            labourForce.add(new LabourForce(c, Math.max(100, Math.round(base * share))));
        }
        int registrations = scale.of(URBAN_NEW_EMPLOYMENT, 11);
        int unemployed = (int) Math.round(base * 0.032);
        for (int i = 0; i < unemployed; i++) {
            County c = urbanCounty();
            Person person = people.local(c, random, 0.55);
            LocalDate on = WorkingDays.onOrAfter(Draw.seasonalDate(LocalDate.of(2020, 1, 6), LocalDate.of(2020, 11, 30), random));
            double roll = random.nextDouble();
            if (roll < 0.15 && registrations > 0) {
                // found a job: registering the urban employment ends the unemployment (reason EMPLOYED)
                LocalDate employed = on.plusDays(Draw.between(20, 120, random));
                if (employed.isBefore(LocalDate.of(2020, 12, 28))) {
                    unemployment.add(new Unemployment(person, on, null, null));
                    urban.add(new UrbanEmployment(person, Draw.one(URBAN_EMPLOYERS, random), WorkingDays.onOrAfter(employed)));
                    registrations--;
                    continue;
                }
            }
            LocalDate ended = roll < 0.3 ? on.plusDays(Draw.between(20, 150, random)) : null;
            unemployment.add(new Unemployment(person, on, ended != null && ended.isBefore(LocalDate.of(2020, 12, 31)) ? ended : null,
                    Draw.one(List.of("EMPLOYED", "MOVED_AWAY", "OTHER"), random)));
        }
        for (int i = 0; i < registrations; i++) {
            County c = urbanCounty();
            urban.add(new UrbanEmployment(people.local(c, random, 0.55), Draw.one(URBAN_EMPLOYERS, random),
                    WorkingDays.onOrAfter(Draw.seasonalDate(LocalDate.of(2020, 1, 6), LocalDate.of(2020, 12, 28), random))));
        }
    }

    private County urbanCounty() {
        return Draw.chance(0.45, random) ? Geography.COUNTIES.get(0) : Geography.pick(random);
    }
}
