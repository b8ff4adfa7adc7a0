package cn.changdu.labour.generator.files;

import cn.changdu.labour.generator.files.ImportFile.BadRow;
import cn.changdu.labour.generator.model.Employment.Batch;
import cn.changdu.labour.generator.model.Employment.Placement;
import cn.changdu.labour.generator.model.People;
import cn.changdu.labour.generator.model.Project;
import cn.changdu.labour.generator.model.Project.Stint;
import cn.changdu.labour.generator.model.Scale;
import cn.changdu.labour.generator.model.TrainingClass;
import cn.changdu.labour.generator.model.TrainingClass.Trainee;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * The import files of the year, with the column titles the services read (their Chinese names) and about 1 % bad
 * rows of the kinds offices really type: each kind is one the service refuses with a row error.
 */
public final class RosterFiles {

    private static final Map<String, String> CHANNEL_LABELS = Map.of("ORGANISED_OUT_OF_REGION", "组织化区外劳务协作",
            "CONSTRUCTION_PROJECT", "工程项目带动", "LOCAL_INDUSTRY", "产业吸纳", "SOCIAL_FORCES", "社会力量",
            "PRIVATE_ENTERPRISE", "非公企业");
    private static final Map<String, String> DESTINATION_LABELS = Map.of("IN_COUNTY", "县内", "IN_TIBET", "区内",
            "OUT_OF_REGION", "区外");
    private static final Map<String, String> ORGANISER_LABELS = Map.of("GOVERNMENT", "政府组织",
            "LABOUR_MARKET_BODY", "劳动力市场主体", "WORK_TEAM", "务工联队", "SELF", "自主就业");

    private RosterFiles() {
    }

    /** A bad version of a row: kind, and either the mistyped row (replacing it) or an extra row after it. */
    private record Fault(String kind, Function<List<String>, List<String>> typed, boolean extra) {
    }

    /** The class roster (学员花名册) a county sends on the first morning of a class. */
    public static ImportFile trainingRoster(TrainingClass c, ImportFile.Format format, Scale scale) {
        List<String> columns = List.of("姓名", "身份证号", "乡镇", "手机号", "建档立卡", "搬迁户编号", "安置点", "巩固培训",
                "此前培训年份", "就业状态");
        List<List<String>> rows = new ArrayList<>();
        for (Trainee t : c.trainees()) {
            rows.add(List.of(t.person().name(), t.person().residentId(), nz(t.person().township()), nz(t.person().phone()),
                    t.registeredPoor() ? "是" : "否", nz(t.householdNo()), nz(t.relocationSite()),
                    t.consolidation() ? "是" : "否", t.previousTrainingYear() == null ? "" : t.previousTrainingYear().toString(),
                    t.consolidation() ? "未就业" : ""));
        }
        String name = String.format("%s-%s-培训班%03d-%s-学员花名册", c.county().code(), c.county().name(), c.no(), c.trade().name());
        return file(name, format, "学员花名册", columns, rows, scale, List.of(
                new Fault("resident-id-check-digit", r -> with(r, 1, People.mistyped(r.get(1))), false),
                new Fault("phone-ten-digits", r -> with(r, 3, r.get(3).isEmpty() ? "139" : r.get(3).substring(0, 10)), false),
                new Fault("name-missing", r -> with(r, 0, ""), false),
                new Fault("flag-not-yes-no", r -> with(r, 4, "有"), false),
                new Fault("listed-twice", ArrayList::new, true)));
    }

    /** A county's quarterly placement report (转移就业人员花名册). */
    public static ImportFile placements(Batch b, List<Placement> placements, ImportFile.Format format, Scale scale) {
        List<String> columns = List.of("姓名", "身份证号", "户籍县区代码", "转移渠道", "就业地域", "用工单位", "就业日期",
                "预期月收入", "组织方式", "就业省份", "乡镇", "手机号");
        List<List<String>> rows = new ArrayList<>();
        for (Placement p : placements) {
            rows.add(List.of(p.person().name(), p.person().residentId(), p.person().countyCode(),
                    CHANNEL_LABELS.get(p.channel()), DESTINATION_LABELS.get(p.destination()), p.employer(), p.start().toString(),
                    p.monthlyIncome().toPlainString(), p.organisedBy() == null ? "" : ORGANISER_LABELS.get(p.organisedBy()),
                    nz(p.province()), nz(p.person().township()), nz(p.person().phone())));
        }
        String name = String.format("%s-%s-2020年第%d季度-转移就业人员花名册-%d", b.county().code(), b.county().name(),
                b.quarter(), b.part());
        return file(name, format, "转移就业花名册", columns, rows, scale, List.of(
                new Fault("resident-id-check-digit", r -> with(r, 1, People.mistyped(r.get(1))), false),
                new Fault("county-outside-changdu", r -> with(r, 2, "540102"), false),
                new Fault("channel-unknown", r -> with(r, 3, "劳务派遣"), false),
                new Fault("date-invalid", r -> with(r, 6, "2020-02-30"), false),
                new Fault("listed-twice", ArrayList::new, true)));
    }

    /** A project's real-name roster (实名制花名册) of its first crew. */
    public static ImportFile projectRoster(Project p, List<Stint> stints, ImportFile.Format format, Scale scale) {
        List<String> columns = List.of("姓名", "身份证号", "手机", "本地农牧民", "户籍县区代码", "工种", "工资标准", "计薪方式",
                "参加社保", "进场日期");
        List<List<String>> rows = new ArrayList<>();
        for (Stint s : stints) {
            rows.add(List.of(s.person().name(), s.person().residentId(), s.person().phone(), s.local() ? "是" : "否",
                    s.local() ? s.person().countyCode() : "", s.trade(), s.rate().toPlainString(), "MONTHLY", "是",
                    s.joined().toString()));
        }
        String name = String.format("%s-项目%03d-%s-实名制花名册", p.county().code(), p.no(), p.department());
        return file(name, format, "实名制花名册", columns, rows, scale, List.of(
                new Fault("resident-id-check-digit", r -> with(r, 1, People.mistyped(r.get(1))), false),
                new Fault("local-without-county", r -> r.get(3).equals("是") ? with(r, 4, "") : with(r, 6, "-" + r.get(6)), false),
                new Fault("wage-three-decimals", r -> with(r, 6, r.get(6).replace(".00", ".125")), false),
                new Fault("date-invalid", r -> with(r, 9, r.get(9).substring(0, 8) + "32"), false),
                new Fault("listed-twice", ArrayList::new, true)));
    }

    /** A project's payroll (工资表) for one month: everyone on the roster that month, with the amount due. */
    public static ImportFile payroll(Project p, YearMonth period, List<Stint> stints, ImportFile.Format format, Scale scale) {
        List<String> columns = List.of("姓名", "身份证号", "出勤天数", "应发工资");
        List<List<String>> rows = new ArrayList<>();
        for (Stint s : stints) {
            rows.add(List.of(s.person().name(), s.person().residentId(), Long.toString(s.daysIn(period)),
                    s.dueFor(period).toPlainString()));
        }
        String name = String.format("%s-项目%03d-%s-工资表", p.county().code(), p.no(), period);
        SplittableRandom strangers = scale.random("stranger:" + name);
        return file(name, format, "工资表", columns, rows, scale, List.of(
                new Fault("resident-id-check-digit", r -> with(r, 1, People.mistyped(r.get(1))), false),
                new Fault("days-over-31", r -> with(r, 2, "32"), false),
                new Fault("amount-negative", r -> with(r, 3, "-" + r.get(3)), false),
                new Fault("listed-twice", ArrayList::new, true),
                new Fault("not-on-roster", r -> List.of("丹增曲扎", stranger(strangers), "20", r.get(3)), true)));
    }

    /** A valid resident ID of someone on no roster: registered in 壤塘县 (Sichuan), a region the year's people never have. */
    private static String stranger(SplittableRandom random) {
        return People.withCheckCharacter(String.format("5132301998%02d%02d%03d", 1 + random.nextInt(12),
                1 + random.nextInt(28), 1 + random.nextInt(998)));
    }

    /** The file with about 1 % of its rows typed wrong, the same ones every run (the file's own random source). */
    private static ImportFile file(String name, ImportFile.Format format, String sheet, List<String> columns,
                                   List<List<String>> rows, Scale scale, List<Fault> faults) {
        SplittableRandom random = scale.random("file:" + name);
        List<BadRow> bad = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (random.nextDouble() < scale.badRowShare()) {
                Fault fault = faults.get(random.nextInt(faults.size()));
                List<String> typed = fault.typed().apply(rows.get(i));
                // an extra row (a duplicate, a stranger) comes after the true one; a mistyped row stands instead of it
                bad.add(new BadRow(fault.extra() ? i + 1 : i, !fault.extra(), fault.kind(), typed));
            }
        }
        return new ImportFile(name, format, sheet, columns, rows, bad);
    }

    private static List<String> with(List<String> row, int column, String value) {
        List<String> copy = new ArrayList<>(row);
        copy.set(column, value);
        return copy;
    }

    private static String nz(String text) {
        return text == null ? "" : text;
    }
}
