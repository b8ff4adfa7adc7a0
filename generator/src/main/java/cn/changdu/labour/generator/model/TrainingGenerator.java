package cn.changdu.labour.generator.model;

import cn.changdu.labour.generator.model.Geography.County;
import cn.changdu.labour.generator.model.People.Person;
import cn.changdu.labour.generator.model.TrainingClass.FollowUp;
import cn.changdu.labour.generator.model.TrainingClass.Inspection;
import cn.changdu.labour.generator.model.TrainingClass.LateFiling;
import cn.changdu.labour.generator.model.TrainingClass.Recommendation;
import cn.changdu.labour.generator.model.TrainingClass.Subsidy;
import cn.changdu.labour.generator.model.TrainingClass.Trade;
import cn.changdu.labour.generator.model.TrainingClass.Trainee;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The year's training (measures 1–6): 25,000 trainees at scale 1 in classes of 20–40, 10,000 of them consolidation
 * training of the registered poor, 40 % in order-directed classes, each class filed at least 5 working days ahead
 * (a few late, with approval), inspected twice (a few only once), assessed (pass rates around 85 %, some classes
 * below 80 %), completed, its qualified trainees recommended a job, followed up twice and paid their subsidy; a few
 * people put forward again for the same trade (duplicate training, refused).
 */
final class TrainingGenerator {

    static final int TRAINEES = 25_000;
    static final int CONSOLIDATION = 10_000;
    static final double ORDER_DIRECTED_SHARE = 0.40;
    static final int MIN_CLASSES = 12;

    /** The plan's trades (training-service's catalogue) and how often counties train them. */
    static final Map<Trade, Double> TRADES = new java.util.LinkedHashMap<>();

    static {
        trades("RAILWAY_RESERVE", 6, "钢筋工", 5, "焊工", 6, "电工");
        trades("TOURISM_TRADES", 3, "餐厅服务", 3, "客房服务", 5, "藏式烹饪", 2, "导游");
        trades("ETHNIC_HANDICRAFTS", 3, "唐卡绘画", 2, "藏香制作", 2, "雕刻", 2, "卡垫编织", 2, "氆氇编织", 1, "民族歌舞", 2, "民族手工艺");
        trades("CONSTRUCTION_RELOCATION", 5, "建筑施工", 5, "砌筑工", 3, "木工", 3, "混凝土工", 4, "挖掘机操作");
        trades("HYDROPOWER_MINING", 2, "水电站运行", 2, "矿山作业");
        trades("INDUSTRY_PARK", 2, "园区产业工人");
        trades("BLUE_SKY_INDUSTRIES", 3, "牦牛养殖", 3, "农畜产品加工", 2, "智慧农业");
        trades("OTHER_TRADES", 4, "家政服务", 2, "养老护理", 2, "育婴员", 3, "保安", 2, "电子商务", 3, "汽车维修", 1, "快递员", 1, "美容美发");
    }

    private static void trades(String category, Object... weightsAndNames) {
        for (int i = 0; i < weightsAndNames.length; i += 2) {
            TRADES.put(new Trade((String) weightsAndNames[i + 1], category), ((Integer) weightsAndNames[i]).doubleValue());
        }
    }

    /** Employers that order training (订单定向式), by category. */
    static final Map<String, List<String>> EMPLOYERS = Map.of(
            "RAILWAY_RESERVE", List.of("中铁二局集团有限公司", "中铁十二局集团有限公司", "中国铁建大桥工程局集团有限公司"),
            "TOURISM_TRADES", List.of("昌都市茶马古道酒店有限公司", "芒康县盐井纳西民俗酒店有限公司", "八宿县然乌湖旅游服务有限公司"),
            "ETHNIC_HANDICRAFTS", List.of("昌都市嘎玛民族手工艺有限公司", "丁青县民族手工艺品合作社", "江达县藏香制作专业合作社"),
            "CONSTRUCTION_RELOCATION", List.of("西藏天路股份有限公司", "西藏建工建材集团有限公司", "昌都市城市建设投资有限公司"),
            "HYDROPOWER_MINING", List.of("华电金沙江上游水电开发有限公司", "西藏玉龙铜业股份有限公司", "华能澜沧江水电股份有限公司"),
            "INDUSTRY_PARK", List.of("昌都经济开发区高原特色产品有限公司", "西藏昌都藏东珍宝实业有限公司"),
            "BLUE_SKY_INDUSTRIES", List.of("类乌齐县牦牛产业开发有限公司", "芒康县葡萄酒业有限公司", "察雅县藏香猪养殖专业合作社"),
            "OTHER_TRADES", List.of("拉萨市家和家政服务有限公司", "昌都市康巴人力资源服务有限公司", "昌都市康巴物流有限公司",
                    "左贡县鑫源汽车维修有限公司"));

    /** Subsidy standard per trainee (yuan, before the 450 of the general curriculum), by category. */
    private static final Map<String, String> SUBSIDY = Map.of("RAILWAY_RESERVE", "2400.00", "TOURISM_TRADES", "1800.00",
            "ETHNIC_HANDICRAFTS", "3000.00", "CONSTRUCTION_RELOCATION", "2000.00", "HYDROPOWER_MINING", "2400.00",
            "INDUSTRY_PARK", "1800.00", "BLUE_SKY_INDUSTRIES", "1200.00", "OTHER_TRADES", "1600.00");

    private static final List<String> INSPECTION_ITEMS = List.of("ORGANISER_COMPLIANCE", "TRAINEE_ATTENDANCE",
            "TEACHING_EQUIPMENT", "SKILL_MASTERY", "SAFETY_MANAGEMENT");
    private static final Map<String, String> INSPECTION_REMARKS = Map.of("ORGANISER_COMPLIANCE", "台账不全，限期补齐",
            "TRAINEE_ATTENDANCE", "抽查时缺勤较多，已督促整改", "TEACHING_EQUIPMENT", "实训设备不足，已要求补充",
            "SKILL_MASTERY", "部分学员实操不熟练，增加实训课时", "SAFETY_MANAGEMENT", "实训场地安全标识不全，已整改");

    /** A class while it is being drawn up. */
    private static final class Draft {
        County county;
        Trade trade;
        int size;
        LocalDate start;
        LocalDate end;
        LocalDateTime filedAt;
        LateFiling late;
        boolean orderDirected;
        String employer;
        boolean oneInspection;
        double passChance;
        final List<TraineeDraft> trainees = new ArrayList<>();
        final List<LocalDate> registers = new ArrayList<>();
        final List<Inspection> inspections = new ArrayList<>();
        LocalDateTime completedAt;
        boolean rosterImport;
        boolean unrecommended;
    }

    private static final class TraineeDraft {
        Draft cls;
        Person person;
        boolean poor;
        boolean consolidation;
        Integer previousYear;
        String site;
        String householdNo;
        LocalDateTime enrolledAt;
        LocalDate withdrawnOn;
        int absentMask;
        Boolean passed;
        Recommendation recommendation;
        FollowUp first;
        FollowUp second;
        Subsidy subsidy;
    }

    /** What this generator makes. */
    record Result(List<TrainingClass> classes, List<DuplicateAttempt> duplicates) {
    }

    private final Scale scale;
    private final People people;
    private final SplittableRandom random;
    private final List<Trade> tradeList = List.copyOf(TRADES.keySet());
    private final double[] tradeWeights = TRADES.values().stream().mapToDouble(Double::doubleValue).toArray();
    /** Each person's classes so far (one person may learn two trades in a year). */
    private final Map<Person, List<Draft>> classesOf = new java.util.HashMap<>();

    TrainingGenerator(Scale scale, People people) {
        this.scale = scale;
        this.people = people;
        this.random = scale.random("training");
    }

    Result generate() {
        int trainees = scale.of(TRAINEES, MIN_CLASSES * 5);
        int classCount = Math.max(MIN_CLASSES, Math.round(trainees / 30f));
        List<Draft> drafts = new ArrayList<>();
        int left = trainees;
        for (int i = 0; i < classCount; i++) {
            Draft d = new Draft();
            d.size = i == classCount - 1 ? left : Math.max(3, Math.min(left - (classCount - i - 1) * 3,
                    (int) Math.round(trainees / (double) classCount * (0.7 + 0.6 * random.nextDouble()))));
            left -= d.size;
            d.county = Geography.pick(random);
            d.trade = tradeList.get(Draw.weighted(tradeWeights, random));
            schedule(d);
            drafts.add(d);
        }
        ensureInspectionsShortCase(drafts);
        drafts.sort(Comparator.comparing((Draft d) -> d.start).thenComparing(d -> d.county.code()));
        ensureSameTradePair(drafts);
        chooseOrderDirected(drafts, trainees);
        for (Draft d : drafts) {
            file(d);
        }
        ensureLateFiling(drafts);
        List<TraineeDraft> everyone = new ArrayList<>();
        for (Draft d : drafts) {
            enrol(d, everyone);
            runCourse(d);
        }
        ensureLowPassRate(drafts);
        for (Draft d : drafts) {
            afterTraining(d);
        }
        ensureOverdueDuties(drafts);
        List<TrainingClass> classes = new ArrayList<>();
        for (int i = 0; i < drafts.size(); i++) {
            classes.add(freeze(i + 1, drafts.get(i)));
        }
        return new Result(classes, duplicates(classes));
    }

    // ------------------------------------------------------------------ the class's dates and filing

    private void schedule(Draft d) {
        int days = switch (d.trade.category()) {
            case "ETHNIC_HANDICRAFTS" -> Draw.between(20, 50, random);
            case "RAILWAY_RESERVE", "HYDROPOWER_MINING", "CONSTRUCTION_RELOCATION" -> Draw.between(15, 30, random);
            case "BLUE_SKY_INDUSTRIES" -> Draw.between(7, 15, random);
            default -> Draw.between(10, 25, random);
        };
        // filed from 2 January on, ended by the end of December
        LocalDate start = WorkingDays.onOrAfter(Draw.seasonalDate(LocalDate.of(2020, 1, 13),
                LocalDate.of(2020, 12, 28).minusDays(days), random));
        d.start = start;
        d.end = start.plusDays(days - 1);
        d.oneInspection = Draw.chance(0.03, random);
        d.passChance = Draw.normal(0.87, 0.06, 0.55, 1.0, random);
        d.rosterImport = Draw.chance(0.5, random);
    }

    private void file(Draft d) {
        LocalDate latest = WorkingDays.latestFilingDate(d.start);
        LocalDate filed;
        if (Draw.chance(0.03, random) && d.start.isAfter(LocalDate.of(2020, 1, 20))) {
            filed = WorkingDays.plus(latest, Draw.between(1, 3, random));
            d.late = lateFiling(d.county);
        } else {
            filed = WorkingDays.minus(latest, random.nextInt(9));
        }
        if (filed.isBefore(LocalDate.of(2020, 1, 2))) {
            filed = LocalDate.of(2020, 1, 2);
        }
        d.filedAt = Draw.officeHours(filed, random);
    }

    private static LateFiling lateFiling(County county) {
        return new LateFiling("开班时间随生产季节提前，经县人社局同意补报", county.name() + "人社局分管副局长");
    }

    /** 40 % of the trainees in order-directed classes: classes taken in random order until the share is reached. */
    private void chooseOrderDirected(List<Draft> drafts, int trainees) {
        List<Draft> order = new ArrayList<>(drafts);
        java.util.Collections.shuffle(order, new java.util.Random(random.nextLong()));
        int ordered = 0;
        double target = ORDER_DIRECTED_SHARE * trainees;
        for (Draft d : order) {
            // take the class if that brings the share closer to 40 %
            if (Math.abs(ordered + d.size - target) >= Math.abs(ordered - target)) {
                continue;
            }
            d.orderDirected = true;
            d.employer = Draw.one(EMPLOYERS.get(d.trade.category()), random);
            ordered += d.size;
        }
    }

    // ------------------------------------------------------------------ roster and course

    private void enrol(Draft d, List<TraineeDraft> everyone) {
        double male = switch (d.trade.category()) {
            case "RAILWAY_RESERVE", "CONSTRUCTION_RELOCATION", "HYDROPOWER_MINING" -> 0.85;
            case "OTHER_TRADES" -> d.trade.name().equals("保安") || d.trade.name().equals("汽车维修") ? 0.85 : 0.3;
            default -> 0.5;
        };
        LocalDateTime enrolledAt = d.start.atTime(8, 30);
        for (int k = 0; k < d.size; k++) {
            TraineeDraft t = new TraineeDraft();
            TraineeDraft earlier = Draw.chance(0.03, random) ? earlierTrainee(d, everyone) : null;
            if (earlier != null) {
                // trained before in another trade: a second skill, with the same record
                t.person = earlier.person;
                t.poor = earlier.poor;
            } else {
                t.person = people.local(d.county, random, male);
                t.consolidation = Draw.chance((double) CONSOLIDATION / TRAINEES, random);
                t.poor = t.consolidation || Draw.chance(0.35, random);
                if (t.consolidation) {
                    // 巩固培训: trained since 2016, still without work
                    t.previousYear = Draw.between(2016, 2019, random);
                }
                if (Draw.chance(0.12, random)) {
                    t.site = Draw.one(d.county.relocationSites(), random);
                    t.householdNo = "BQ" + d.county.code() + String.format("%05d", random.nextInt(100_000));
                }
            }
            t.cls = d;
            t.enrolledAt = enrolledAt.plusMinutes(k);
            d.trainees.add(t);
            everyone.add(t);
            classesOf.computeIfAbsent(t.person, p -> new ArrayList<>()).add(d);
        }
        d.size = d.trainees.size();
    }

    /**
     * Someone of the same county trained earlier in other trades, in classes that ended before this one starts (so
     * neither the overlap nor the duplicate-training rule refuses them).
     */
    private TraineeDraft earlierTrainee(Draft d, List<TraineeDraft> everyone) {
        for (int attempt = 0; attempt < 5 && !everyone.isEmpty(); attempt++) {
            TraineeDraft candidate = everyone.get(random.nextInt(everyone.size()));
            List<Draft> before = classesOf.getOrDefault(candidate.person, List.of());
            if (candidate.person.countyCode().equals(d.county.code()) && candidate.withdrawnOn == null
                    && before.stream().allMatch(c -> c.end.isBefore(d.start) && !c.trade.equals(d.trade))
                    && d.trainees.stream().noneMatch(o -> o.person == candidate.person)) {
                return candidate;
            }
        }
        return null;
    }

    private void runCourse(Draft d) {
        long days = ChronoUnit.DAYS.between(d.start, d.end) + 1;
        // registers on the first day and every few days after
        for (LocalDate day = d.start; !day.isAfter(d.end) && d.registers.size() < 10; day = day.plusDays(Draw.between(3, 6, random))) {
            d.registers.add(day);
        }
        for (TraineeDraft t : d.trainees) {
            if (Draw.chance(0.02, random) && days > 4) {
                t.withdrawnOn = d.start.plusDays(Draw.between(1, 3, random));
            }
            double absence = Draw.chance(0.06, random) ? 0.35 : 0.03;
            for (int i = 0; i < d.registers.size(); i++) {
                if (Draw.chance(absence, random)) {
                    t.absentMask |= 1 << i;
                }
            }
        }
        LocalDate first = d.start.plusDays(Math.min(days - 1, Draw.between(1, 3, random)));
        d.inspections.add(inspection(first, true, d));
        if (!d.oneInspection && days > 1) {
            LocalDate second = d.end.minusDays(random.nextInt((int) Math.min(3, days - 1)));
            if (second.isAfter(first)) {
                d.inspections.add(inspection(second, false, d));
            }
        }
        // the class's pass rate is its own (the organiser's quality); which trainees fail is chance
        List<TraineeDraft> assessed = new ArrayList<>(d.trainees.stream().filter(t -> t.withdrawnOn == null).toList());
        java.util.Collections.shuffle(assessed, new java.util.Random(random.nextLong()));
        long passes = Math.round(d.passChance * assessed.size());
        for (int i = 0; i < assessed.size(); i++) {
            assessed.get(i).passed = i < passes;
        }
        if (d.inspections.size() >= 2) {
            d.completedAt = d.end.atTime(17, 30);
        }
    }

    private Inspection inspection(LocalDate on, boolean byCity, Draft d) {
        String failed = Draw.chance(0.1, random) ? Draw.one(INSPECTION_ITEMS, random) : null;
        return new Inspection(on, byCity ? "市人社局督导组" : d.county.name() + "人社局督导组", byCity, failed,
                failed == null ? null : INSPECTION_REMARKS.get(failed));
    }

    // ------------------------------------------------------------------ after the class

    private void afterTraining(Draft d) {
        if (d.completedAt == null) {
            return;
        }
        LocalDate completed = d.completedAt.toLocalDate();
        d.unrecommended = Draw.chance(0.03, random);
        boolean skippedOne = false;
        String subsidyStandard = SUBSIDY.get(d.trade.category());
        for (TraineeDraft t : d.trainees) {
            if (!Boolean.TRUE.equals(t.passed)) {
                continue;
            }
            String employer = d.orderDirected ? d.employer : Draw.one(EMPLOYERS.get(d.trade.category()), random);
            if (d.unrecommended && !skippedOne) {
                skippedOne = true; // one qualified trainee never recommended a job: the dashboard alerts after 30 days
            } else {
                t.recommendation = new Recommendation(completed.plusDays(Draw.between(2, 20, random)), employer, d.trade.name());
            }
            double roll = random.nextDouble();
            String status = roll < 0.42 ? "EMPLOYED" : roll < 0.54 ? "SELF_EMPLOYED" : "NOT_EMPLOYED";
            t.first = new FollowUp(d.end.plusDays(Draw.between(10, 30, random)), status,
                    status.equals("EMPLOYED") ? employer : null);
            if (!Draw.chance(0.03, random)) {
                boolean employedLater = !status.equals("NOT_EMPLOYED") ? Draw.chance(0.9, random) : Draw.chance(0.3, random);
                String later = employedLater ? (status.equals("NOT_EMPLOYED") ? "EMPLOYED" : status) : "NOT_EMPLOYED";
                t.second = new FollowUp(d.end.plusMonths(3).plusDays(random.nextInt(15)), later,
                        later.equals("EMPLOYED") ? employer : null);
            }
            int present = 0;
            for (int i = 0; i < d.registers.size(); i++) {
                present += (t.absentMask & (1 << i)) == 0 ? 1 : 0;
            }
            // the subsidy needs 80 % attendance; the office claims only for those who have it
            if (subsidyStandard != null && present >= 0.8 * d.registers.size()) {
                LocalDate claimed = completed.plusDays(Draw.between(3, 10, random));
                LocalDate decided = claimed.plusDays(Draw.between(2, 7, random));
                boolean rejected = Draw.chance(0.02, random);
                t.subsidy = new Subsidy(claimed, decided, rejected ? "学员银行账户信息有误，请核实后重新申领" : null,
                        rejected ? null : decided.plusDays(Draw.between(3, 15, random)));
            }
        }
    }

    // ------------------------------------------------------------------ what the dashboard must show on --until

    /**
     * A class ending two days after --until with one inspection so far: the dashboard's "inspections-short" alert on
     * the day after --until (its own scan looks at classes ending within 3 days).
     */
    private void ensureInspectionsShortCase(List<Draft> drafts) {
        LocalDate until = scale.until();
        if (until.isBefore(LocalDate.of(2020, 2, 1))) {
            return;
        }
        Draft d = drafts.get(drafts.size() - 1);
        d.end = until.plusDays(2);
        d.start = WorkingDays.onOrBefore(d.end.minusDays(13));
        d.oneInspection = true;
    }

    /** Two classes of one trade within 365 days, so someone can be put forward twice (a duplicate-training attempt). */
    private void ensureSameTradePair(List<Draft> drafts) {
        if (sameTradePairs(drafts).isEmpty() && drafts.size() > 1) {
            Draft first = drafts.get(0);
            drafts.stream().filter(d -> d.start.isAfter(first.end) && d.start.isBefore(scale.until()))
                    .findFirst().ifPresent(d -> d.trade = first.trade);
        }
    }

    private List<int[]> sameTradePairs(List<Draft> drafts) {
        List<int[]> pairs = new ArrayList<>();
        for (int b = 0; b < drafts.size(); b++) {
            for (int a = 0; a < b; a++) {
                Draft x = drafts.get(a);
                Draft y = drafts.get(b);
                if (x.trade.equals(y.trade) && y.start.isAfter(x.end) && ChronoUnit.DAYS.between(x.start, y.start) < 365) {
                    pairs.add(new int[]{a, b});
                }
            }
        }
        return pairs;
    }

    private void ensureLateFiling(List<Draft> drafts) {
        if (drafts.stream().anyMatch(d -> d.late != null && !d.filedAt.toLocalDate().isAfter(scale.until()))) {
            return;
        }
        drafts.stream().filter(d -> d.start.isAfter(LocalDate.of(2020, 1, 20)) && d.start.isBefore(scale.until()))
                .findFirst().ifPresent(d -> {
                    d.late = lateFiling(d.county);
                    d.filedAt = WorkingDays.plus(WorkingDays.latestFilingDate(d.start), 1).atTime(10, 0);
                });
    }

    /** A completed class below the 80 % pass rate. */
    private void ensureLowPassRate(List<Draft> drafts) {
        boolean present = drafts.stream().anyMatch(d -> d.completedAt != null && !d.completedAt.toLocalDate().isAfter(scale.until())
                && passRate(d) < 0.8);
        if (present) {
            return;
        }
        drafts.stream().filter(d -> d.completedAt != null && !d.completedAt.toLocalDate().isAfter(scale.until())
                && d.trainees.stream().filter(t -> t.passed != null).count() >= 4).findFirst().ifPresent(d -> {
                    for (TraineeDraft t : d.trainees) {
                        if (passRate(d) >= 0.8 && Boolean.TRUE.equals(t.passed)) {
                            t.passed = false;
                        }
                    }
                });
    }

    private static double passRate(Draft d) {
        long assessed = d.trainees.stream().filter(t -> t.passed != null).count();
        return assessed == 0 ? 1 : d.trainees.stream().filter(t -> Boolean.TRUE.equals(t.passed)).count() / (double) assessed;
    }

    /**
     * A class completed more than 30 days before --until with a qualified trainee never recommended a job, and one
     * ended more than 120 days before with a qualified trainee not followed up twice.
     */
    private void ensureOverdueDuties(List<Draft> drafts) {
        LocalDate until = scale.until();
        boolean unrecommended = drafts.stream().anyMatch(d -> d.completedAt != null
                && d.completedAt.toLocalDate().plusDays(31).isBefore(until)
                && d.trainees.stream().anyMatch(t -> Boolean.TRUE.equals(t.passed)
                && (t.recommendation == null || t.recommendation.on().isAfter(until))));
        if (!unrecommended) {
            drafts.stream().filter(d -> d.completedAt != null && d.completedAt.toLocalDate().plusDays(31).isBefore(until))
                    .flatMap(d -> d.trainees.stream()).filter(t -> Boolean.TRUE.equals(t.passed)).findFirst()
                    .ifPresent(t -> t.recommendation = null);
        }
        boolean notFollowedUp = drafts.stream().anyMatch(d -> d.completedAt != null && d.end.plusDays(121).isBefore(until)
                && d.trainees.stream().anyMatch(t -> Boolean.TRUE.equals(t.passed)
                && (t.second == null || t.second.on().isAfter(until))));
        if (!notFollowedUp) {
            drafts.stream().filter(d -> d.completedAt != null && d.end.plusDays(121).isBefore(until))
                    .flatMap(d -> d.trainees.stream()).filter(t -> Boolean.TRUE.equals(t.passed)).findFirst()
                    .ifPresent(t -> t.second = null);
        }
    }

    // ------------------------------------------------------------------ duplicates and the finished classes

    private List<DuplicateAttempt> duplicates(List<TrainingClass> classes) {
        int wanted = Math.max(1, (int) Math.round(0.005 * classes.stream().mapToInt(c -> c.trainees().size()).sum()));
        List<DuplicateAttempt> attempts = new ArrayList<>();
        List<int[]> pairs = new ArrayList<>();
        for (int b = 0; b < classes.size(); b++) {
            for (int a = 0; a < b; a++) {
                TrainingClass x = classes.get(a);
                TrainingClass y = classes.get(b);
                if (x.trade().equals(y.trade()) && y.start().isAfter(x.end())
                        && ChronoUnit.DAYS.between(x.start(), y.start()) < 365) {
                    pairs.add(new int[]{a, b});
                }
            }
        }
        java.util.Set<String> used = new java.util.HashSet<>();
        List<int[]> beforeUntil = pairs.stream().filter(p -> classes.get(p[1]).start().isBefore(scale.until())).toList();
        for (int i = 0; i < wanted * 5 && attempts.size() < wanted && !pairs.isEmpty(); i++) {
            // the first attempt in time for --until, so the dashboard shows one
            List<int[]> from = attempts.isEmpty() && !beforeUntil.isEmpty() ? beforeUntil : pairs;
            int[] pair = from.get(random.nextInt(from.size()));
            TrainingClass earlier = classes.get(pair[0]);
            TrainingClass target = classes.get(pair[1]);
            Trainee t = earlier.trainees().get(random.nextInt(earlier.trainees().size()));
            // only someone whose single class this is: another class could overlap the target's dates
            boolean single = classes.stream().filter(c -> c != earlier)
                    .noneMatch(c -> c.trainees().stream().anyMatch(o -> o.person() == t.person()));
            if (t.withdrawnOn() == null && single && used.add(t.person().residentId())) {
                attempts.add(new DuplicateAttempt(t.person(), earlier, pair[1] + 1, target.start().atTime(9, 0)));
            }
        }
        return attempts;
    }

    private TrainingClass freeze(int no, Draft d) {
        String organiser = d.orderDirected && Draw.chance(0.3, random) ? d.employer
                : d.trade.category().equals("ETHNIC_HANDICRAFTS") ? d.county.name() + "民族手工艺培训基地"
                : d.county.code().equals("540302") && Draw.chance(0.4, random) ? "昌都市职业技术学校"
                : d.county.name() + "职业技能培训中心";
        String organiserType = organiser.equals(d.employer) ? "ENTERPRISE" : "INSTITUTION";
        double mode = random.nextDouble();
        String delivery = mode < 0.65 ? "VILLAGE" : mode < 0.95 ? "CENTRALISED" : "PARTNER_PROVINCE";
        List<Trainee> trainees = d.trainees.stream().map(t -> new Trainee(t.person, t.poor, t.consolidation, t.previousYear,
                t.site, t.householdNo, t.enrolledAt, t.withdrawnOn, t.absentMask, t.passed, t.recommendation, t.first,
                t.second, t.subsidy)).toList();
        // a seat or more to spare: a full class would refuse a late enrolment before any other rule is checked
        int planned = d.size + Draw.between(1, Math.max(1, d.size / 4), random);
        return new TrainingClass(no, d.county, organiser, organiserType, d.trade, planned, d.start, d.end, d.filedAt,
                d.late, d.orderDirected, d.employer, delivery, SUBSIDY.get(d.trade.category()),
                !Draw.chance(0.1, random), d.rosterImport, trainees, List.copyOf(d.registers),
                List.copyOf(d.inspections), d.completedAt);
    }
}
