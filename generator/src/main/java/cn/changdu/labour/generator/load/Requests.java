package cn.changdu.labour.generator.load;

import cn.changdu.labour.contracts.Actor;
import cn.changdu.labour.generator.files.FileFormat;
import cn.changdu.labour.generator.files.ImportFile;
import cn.changdu.labour.generator.files.RosterFiles;
import cn.changdu.labour.generator.load.Request.Creates;
import cn.changdu.labour.generator.load.Request.Expect;
import cn.changdu.labour.generator.load.Request.Json;
import cn.changdu.labour.generator.load.Request.NoBody;
import cn.changdu.labour.generator.load.Request.RawFile;
import cn.changdu.labour.generator.load.Request.Refusal;
import cn.changdu.labour.generator.load.Request.RowErrors;
import cn.changdu.labour.generator.load.Request.Success;
import cn.changdu.labour.generator.load.Request.Upload;
import cn.changdu.labour.generator.model.DuplicateAttempt;
import cn.changdu.labour.generator.model.Employment;
import cn.changdu.labour.generator.model.Employment.Placement;
import cn.changdu.labour.generator.model.Geography;
import cn.changdu.labour.generator.model.Geography.County;
import cn.changdu.labour.generator.model.People.Person;
import cn.changdu.labour.generator.model.Project;
import cn.changdu.labour.generator.model.Project.Dispute;
import cn.changdu.labour.generator.model.Project.Stint;
import cn.changdu.labour.generator.model.Project.WageIssue;
import cn.changdu.labour.generator.model.TrainingClass;
import cn.changdu.labour.generator.model.TrainingClass.Inspection;
import cn.changdu.labour.generator.model.TrainingClass.Trainee;
import cn.changdu.labour.generator.model.WorkingDays;
import cn.changdu.labour.generator.model.Year;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Turns a generated {@link Year} into the requests the counties and departments send, in business-time order,
 * each dated by its {@code occurredAt} and never after the year's {@code until} date. The year is walked into
 * small actions first (a time and how to make the request); the requests and their bodies are made only as the
 * stream reaches them, so a whole year fits a small heap.
 */
public final class Requests {

    /** Beijing time: the business dates of the plan (no daylight saving). */
    public static final ZoneOffset BEIJING = ZoneOffset.ofHours(8);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> INSPECTION_ITEMS = List.of("ORGANISER_COMPLIANCE", "TRAINEE_ATTENDANCE",
            "TEACHING_EQUIPMENT", "SKILL_MASTERY", "SAFETY_MANAGEMENT");
    private static final Map<String, String> DEPARTMENT_CODES = Map.of("交通局", "jtj", "住建局", "zjj", "水利局", "slj",
            "发改委", "fgw", "农业农村局", "nyncj");
    private static final Actor CITY_HR = new Actor("city-hr-clerk", "市人社局");
    private static final Actor CITY_INSPECTOR = new Actor("city-inspector", "市人社局");
    private static final Actor CITY_PLANNER = new Actor("city-planner", "市人社局");

    private record Action(long at, long order, Supplier<Request> make) {
    }

    private final Year year;
    private final FileFormat format;
    private final byte[] targetsCsv;
    private final long until;
    private final List<Action> actions = new ArrayList<>();

    /**
     * @param targetsCsv a target split to load first ({@code POST /api/reports/targets/import}), or null
     */
    public Requests(Year year, FileFormat format, byte[] targetsCsv) {
        this.year = year;
        this.format = format;
        this.targetsCsv = targetsCsv;
        this.until = year.scale().until().plusDays(1).atStartOfDay().toEpochSecond(BEIJING) - 1;
    }

    /** The year's requests, numbered in business-time order (a stream over the year: call once). */
    public Stream<Request> stream() {
        actions.clear();
        targets();
        urbanBase();
        employmentBodies();
        for (TrainingClass c : year.classes()) {
            trainingClass(c);
        }
        for (DuplicateAttempt d : year.duplicateAttempts()) {
            duplicate(d);
        }
        for (Project p : year.projects()) {
            project(p);
        }
        placements();
        urban();
        actions.sort(Comparator.comparingLong(Action::at).thenComparingLong(Action::order));
        long seed = year.scale().seed();
        long[] seq = {0};
        List<Action> sorted = List.copyOf(actions);
        actions.clear();
        return sorted.stream().map(a -> a.make().get().numbered(++seq[0], seed));
    }

    // ------------------------------------------------------------------------------------------ plumbing

    private void at(LocalDateTime when, Supplier<Request> make) {
        long at = when.toEpochSecond(BEIJING);
        if (at <= until) {
            actions.add(new Action(at, actions.size(), make));
        }
    }

    private static Instant instant(LocalDateTime when) {
        return when.toInstant(BEIJING);
    }

    private static Request json(LocalDateTime when, String service, String method, String endpoint, String path, Actor actor,
                                ObjectNode body, List<String> keys, Creates creates, Expect expect, boolean mayLag) {
        // every write says when it happened (a placeholder put earlier keeps the field's place in the body)
        body.put("occurredAt", instant(when).toString());
        try {
            return new Request(0, instant(when), service, method, endpoint, path, actor, new Json(JSON.writeValueAsString(body)),
                    keys, creates, expect, mayLag, null);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Request upload(LocalDateTime when, String service, String endpoint, String path, Actor actor,
                                  ImportFile file, boolean corrected, List<String> keys) {
        Expect expect = !corrected && !file.badRows().isEmpty() ? new RowErrors(file.badRowNumbers()) : new Request.Imported();
        return new Request(0, instant(when), service, "POST", endpoint, path, actor, new Upload(file, corrected), keys, null,
                expect, true, null);
    }

    /**
     * An import: the file as the office sends it; if it has bad rows, the service refuses it with their row numbers and
     * the office sends the corrected file a little later.
     */
    private void importFile(LocalDateTime when, String service, String endpoint, String path, Actor actor,
                            Supplier<ImportFile> file, boolean mayHaveBadRows, List<String> keys) {
        if (mayHaveBadRows) {
            // which of the two requests exist depends on the file, so the file is made here, once
            ImportFile made = file.get();
            if (!made.badRows().isEmpty()) {
                at(when, () -> upload(when, service, endpoint, path, actor, made, false, keys));
                at(when.plusMinutes(20), () -> upload(when.plusMinutes(20), service, endpoint, path, actor, made, true, keys));
                return;
            }
            at(when, () -> upload(when, service, endpoint, path, actor, made, true, keys));
            return;
        }
        at(when, () -> upload(when, service, endpoint, path, actor, file.get(), true, keys));
    }

    private static ObjectNode object() {
        return JSON.createObjectNode();
    }

    private static ObjectNode put(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
        return node;
    }

    private static String pk(Person person) {
        return "${pk:" + person.residentId() + "}";
    }

    private static String query(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static Actor clerk(County county) {
        return new Actor(county.code() + "-hr-clerk", county.hrOffice());
    }

    private static Actor head(County county) {
        return new Actor(county.code() + "-hr-head", county.hrOffice());
    }

    private static Actor finance(County county) {
        return new Actor(county.code() + "-finance", county.name() + "财政局");
    }

    private static Actor office(Project p) {
        return new Actor(p.county().code() + "-" + DEPARTMENT_CODES.getOrDefault(p.department(), "dept"), p.office());
    }

    // ------------------------------------------------------------------------------------------ reporting, urban base

    private void targets() {
        if (targetsCsv == null) {
            return;
        }
        LocalDateTime when = LocalDate.of(2020, 1, 2).atTime(9, 0);
        at(when, () -> new Request(0, instant(when), "reporting", "POST", "/api/reports/targets/import",
                "/api/reports/targets/import", CITY_PLANNER, new RawFile("targets-2020-counties.csv", "text/csv", targetsCsv),
                List.of("targets"), null, new Success(), false, null));
    }

    private void urbanBase() {
        int i = 0;
        for (Employment.LabourForce lf : year.employment().labourForce()) {
            LocalDateTime when = LocalDate.of(2020, 1, 6).atTime(9, i++);
            String path = "/api/employment/urban/labour-force/" + lf.county().code() + "/2020";
            at(when, () -> json(when, "employment", "PUT", "/api/employment/urban/labour-force/{countyCode}/{year}", path,
                    CITY_HR, object().put("labourForce", lf.labourForce()), List.of("lf/" + lf.county().code()), null,
                    new Success(), false));
        }
    }

    // ------------------------------------------------------------------------------------------ training

    private void trainingClass(TrainingClass c) {
        String ref = "class/" + c.no();
        String base = "/api/training/classes/${" + ref + "}";
        Actor clerk = clerk(c.county());
        at(c.filedAt(), () -> {
            ObjectNode body = object().put("countyCode", c.county().code()).put("organiser", c.organiser())
                    .put("trade", c.trade().name()).put("plannedSize", c.plannedSize())
                    .put("startDate", c.start().toString()).put("endDate", c.end().toString());
            body.put("occurredAt", "");
            body.put("organiserType", c.organiserType()).put("deliveryMode", c.deliveryMode())
                    .put("orderDirected", c.orderDirected());
            put(body, "employer", c.employer());
            body.put("generalCurriculum", c.generalCurriculum()).put("subsidyStandard", c.subsidyStandard());
            if (c.lateFiling() != null) {
                body.putObject("lateFilingApproval").put("reason", c.lateFiling().reason())
                        .put("approver", c.lateFiling().approver());
            }
            return json(c.filedAt(), "training", "POST", "/api/training/classes", "/api/training/classes", clerk, body,
                    List.of(ref), Creates.field(ref, "classId"), new Success(), false);
        });
        if (c.rosterImport()) {
            LocalDateTime when = c.start().atTime(8, 30);
            List<String> keys = new ArrayList<>(List.of(ref));
            c.trainees().forEach(t -> keys.add("tp/" + t.person().residentId()));
            String path = base + "/trainees/import?occurredAt=" + query(instant(when).toString());
            importFile(when, "training", "/api/training/classes/{classId}/trainees/import", path, clerk,
                    () -> RosterFiles.trainingRoster(c, format.of(c.county()), year.scale()), true, keys);
        } else {
            for (Trainee t : c.trainees()) {
                at(t.enrolledAt(), () -> json(t.enrolledAt(), "training", "POST", "/api/training/classes/{classId}/trainees",
                        base + "/trainees", clerk, enrolment(t), List.of(ref, "tp/" + t.person().residentId()), null,
                        new Success(), false));
            }
        }
        for (Trainee t : c.trainees()) {
            if (t.withdrawnOn() != null) {
                LocalDateTime when = t.withdrawnOn().atTime(11, 0);
                at(when, () -> json(when, "training", "POST", "/api/training/classes/{classId}/trainees/{personKey}/withdrawal",
                        base + "/trainees/" + pk(t.person()) + "/withdrawal", clerk, object().put("reason", "外出务工，本人申请退班"),
                        List.of(ref, "tp/" + t.person().residentId()), null, new Success(), false));
            }
        }
        for (int i = 0; i < c.registerDays().size(); i++) {
            LocalDate day = c.registerDays().get(i);
            int register = i;
            LocalDateTime when = day.atTime(16, 30);
            at(when, () -> {
                ObjectNode body = object().put("date", day.toString());
                ArrayNode present = body.putArray("presentPersonKeys");
                for (Trainee t : c.trainees()) {
                    boolean active = t.withdrawnOn() == null || t.withdrawnOn().isAfter(day);
                    if (active && t.presentOn(register)) {
                        present.add(pk(t.person()));
                    }
                }
                return json(when, "training", "POST", "/api/training/classes/{classId}/attendance", base + "/attendance",
                        clerk, body, List.of(ref), null, new Success(), false);
            });
        }
        for (Inspection inspection : c.inspections()) {
            LocalDateTime when = inspection.on().atTime(inspection.byCity() ? 10 : 14, 30);
            Actor inspector = inspection.byCity() ? CITY_INSPECTOR
                    : new Actor(c.county().code() + "-inspector", c.county().hrOffice());
            at(when, () -> {
                ObjectNode body = object().put("inspector", inspection.inspector()).put("inspectedOn", inspection.on().toString());
                ArrayNode results = body.putArray("results");
                for (String item : INSPECTION_ITEMS) {
                    ObjectNode r = results.addObject().put("item", item).put("passed", !item.equals(inspection.failedItem()));
                    if (item.equals(inspection.failedItem())) {
                        r.put("remarks", inspection.remarks());
                    }
                }
                return json(when, "training", "POST", "/api/training/classes/{classId}/inspections", base + "/inspections",
                        inspector, body, List.of(ref), null, new Success(), false);
            });
        }
        LocalDateTime assessed = c.end().atTime(15, 0);
        for (Trainee t : c.trainees()) {
            if (t.passed() != null) {
                at(assessed, () -> json(assessed, "training", "POST", "/api/training/classes/{classId}/trainees/{personKey}/assessment",
                        base + "/trainees/" + pk(t.person()) + "/assessment", clerk, object().put("passed", t.passed()),
                        List.of(ref), null, new Success(), false));
            }
        }
        if (c.completedAt() != null) {
            at(c.completedAt(), () -> json(c.completedAt(), "training", "POST", "/api/training/classes/{classId}/completion",
                    base + "/completion", clerk, object(), List.of(ref), null, new Success(), false));
        }
        for (Trainee t : c.trainees()) {
            afterTraining(c, t, base, ref, clerk);
        }
    }

    private static ObjectNode enrolment(Trainee t) {
        ObjectNode body = object().put("name", t.person().name()).put("residentId", t.person().residentId());
        put(body, "township", t.person().township());
        put(body, "phone", t.person().phone());
        body.put("registeredPoor", t.registeredPoor());
        put(body, "relocationHouseholdId", t.householdNo());
        put(body, "relocationSite", t.relocationSite());
        if (t.consolidation()) {
            body.put("consolidationTraining", true).put("previousTrainingYear", t.previousTrainingYear())
                    .put("employmentStatus", "NOT_EMPLOYED");
        }
        return body;
    }

    private void afterTraining(TrainingClass c, Trainee t, String base, String ref, Actor clerk) {
        String trainee = base + "/trainees/" + pk(t.person());
        List<String> keys = List.of(ref);
        if (t.recommendation() != null) {
            LocalDateTime when = t.recommendation().on().atTime(10, 0);
            at(when, () -> json(when, "training", "POST", "/api/training/classes/{classId}/trainees/{personKey}/recommendations",
                    trainee + "/recommendations", clerk, object().put("employer", t.recommendation().employer())
                            .put("position", t.recommendation().position()), keys, null, new Success(), false));
        }
        for (TrainingClass.FollowUp f : new TrainingClass.FollowUp[]{t.firstFollowUp(), t.secondFollowUp()}) {
            if (f != null) {
                LocalDateTime when = f.on().atTime(11, 0);
                at(when, () -> json(when, "training", "POST", "/api/training/classes/{classId}/trainees/{personKey}/follow-ups",
                        trainee + "/follow-ups", clerk, put(object().put("employmentStatus", f.status()), "employer", f.employer()),
                        keys, null, new Success(), false));
            }
        }
        TrainingClass.Subsidy s = t.subsidy();
        if (s != null) {
            LocalDateTime claimed = s.claimedOn().atTime(10, 0);
            at(claimed, () -> json(claimed, "training", "POST", "/api/training/classes/{classId}/trainees/{personKey}/subsidy",
                    trainee + "/subsidy", clerk, object(), keys, null, new Success(), false));
            LocalDateTime decided = s.decidedOn().atTime(15, 0);
            if (s.rejection() != null) {
                at(decided, () -> json(decided, "training", "POST",
                        "/api/training/classes/{classId}/trainees/{personKey}/subsidy/rejection", trainee + "/subsidy/rejection",
                        head(c.county()), object().put("reason", s.rejection()), keys, null, new Success(), false));
            } else {
                at(decided, () -> json(decided, "training", "POST",
                        "/api/training/classes/{classId}/trainees/{personKey}/subsidy/approval", trainee + "/subsidy/approval",
                        head(c.county()), object(), keys, null, new Success(), false));
                LocalDateTime paid = s.paidOn().atTime(11, 0);
                at(paid, () -> json(paid, "training", "POST",
                        "/api/training/classes/{classId}/trainees/{personKey}/subsidy/payment", trainee + "/subsidy/payment",
                        finance(c.county()), object(), keys, null, new Success(), false));
            }
        }
    }

    private void duplicate(DuplicateAttempt d) {
        TrainingClass target = year.classes().get(d.targetClassNo() - 1);
        String ref = "class/" + target.no();
        at(d.at(), () -> {
            ObjectNode body = object().put("name", d.person().name()).put("residentId", d.person().residentId());
            put(body, "township", d.person().township());
            put(body, "phone", d.person().phone());
            return json(d.at(), "training", "POST", "/api/training/classes/{classId}/trainees",
                    "/api/training/classes/${" + ref + "}/trainees", clerk(target.county()), body,
                    List.of(ref, "tp/" + d.person().residentId()), null, new Refusal(422, "no-duplicate-training"), false);
        });
    }

    // ------------------------------------------------------------------------------------------ projects

    private void project(Project p) {
        String ref = "project/" + p.no();
        String base = "/api/projects/${" + ref + "}";
        Actor office = office(p);
        at(p.registeredAt(), () -> {
            ObjectNode body = object().put("name", p.name()).put("countyCode", p.county().code())
                    .put("department", p.department()).put("governmentInvested", p.governmentInvested())
                    .put("plannedWorkforce", p.plannedWorkforce());
            body.put("occurredAt", "");
            body.put("contractor", p.contractor()).put("startDate", p.start().toString())
                    .put("plannedEndDate", p.plannedEnd().toString());
            if (p.governmentInvested()) {
                body.put("wageAccount", "农民工工资专用账户 " + p.county().code() + "-" + String.format("%04d", p.no()));
            }
            return json(p.registeredAt(), "project-labor", "POST", "/api/projects", "/api/projects", office, body,
                    List.of(ref), Creates.field(ref, "projectId"), new Success(), false);
        });
        List<Stint> firstCrew = p.stints().stream().filter(Stint::firstCrew).toList();
        if (p.rosterImport() && !firstCrew.isEmpty()) {
            LocalDateTime when = p.start().atTime(9, 0);
            List<String> keys = new ArrayList<>(List.of(ref));
            firstCrew.forEach(s -> keys.add("pw/" + s.person().residentId()));
            importFile(when, "project-labor", "/api/projects/{projectId}/roster/import", base + "/roster/import", office,
                    () -> RosterFiles.projectRoster(p, firstCrew, format.of(p.county()), year.scale()), true, keys);
        }
        int k = 0;
        for (Stint s : p.stints()) {
            if (!(p.rosterImport() && s.firstCrew())) {
                LocalDateTime when = s.joined().atTime(9, 0).plusMinutes(k++ % 480);
                at(when, () -> json(when, "project-labor", "POST", "/api/projects/{projectId}/roster", base + "/roster", office,
                        join(s), List.of(ref, "pw/" + s.person().residentId()), null, new Success(), false));
            }
            if (s.left() != null) {
                LocalDateTime when = s.left().atTime(17, 0);
                at(when, () -> json(when, "project-labor", "POST", "/api/projects/{projectId}/roster/departures",
                        base + "/roster/departures", office, object().put("residentId", s.person().residentId())
                                .put("leftOn", s.left().toString()), List.of(ref, "pw/" + s.person().residentId()), null,
                        new Success(), false));
            }
        }
        payrolls(p, base, ref, office);
        labourFilings(p, base, ref, office);
        for (Dispute d : p.disputes()) {
            dispute(p, d, base, ref, office);
        }
        if (p.closedOn() != null) {
            LocalDateTime when = p.closedOn().atTime(16, 0);
            at(when, () -> json(when, "project-labor", "POST", "/api/projects/{projectId}/close", base + "/close", office,
                    object().put("closedOn", p.closedOn().toString()), List.of(ref), null, new Success(), false));
        }
    }

    private static ObjectNode join(Stint s) {
        ObjectNode body = object().put("name", s.person().name()).put("residentId", s.person().residentId())
                .put("phone", s.person().phone()).put("localFarmerHerder", s.local() ? "是" : "否");
        if (s.local()) {
            body.put("homeCountyCode", s.person().countyCode());
        }
        return body.put("trade", s.trade()).put("wageRate", s.rate().toPlainString()).put("payCycle", "MONTHLY")
                .put("socialInsuranceRegistered", "是").put("joinedOn", s.joined().toString());
    }

    /** Each month: the payroll (工资表) early in the next month, then the wages, some of them late, part or unpaid. */
    private void payrolls(Project p, String base, String ref, Actor office) {
        for (YearMonth period = YearMonth.from(p.start()); !period.isAfter(YearMonth.of(2020, 12)); period = period.plusMonths(1)) {
            YearMonth m = period;
            List<Stint> onRoster = p.stints().stream().filter(s -> s.daysIn(m) > 0).toList();
            if (onRoster.isEmpty()) {
                continue;
            }
            LocalDate submitted = WorkingDays.plus(m.plusMonths(1).atDay(1), 1);
            LocalDateTime when = submitted.atTime(10, 0);
            if (p.payrollImport()) {
                importFile(when, "project-labor", "/api/projects/{projectId}/payrolls/import",
                        base + "/payrolls/import?period=" + m, office,
                        () -> RosterFiles.payroll(p, m, onRoster, format.of(p.county()), year.scale()), true, List.of(ref));
            } else {
                at(when, () -> {
                    ObjectNode body = object().put("period", m.toString());
                    ArrayNode lines = body.putArray("lines");
                    for (Stint s : onRoster) {
                        lines.addObject().put("name", s.person().name()).put("residentId", s.person().residentId())
                                .put("daysWorked", s.daysIn(m)).put("amountDue", s.dueFor(m).toPlainString());
                    }
                    body.put("submittedOn", submitted.toString());
                    return json(when, "project-labor", "POST", "/api/projects/{projectId}/payrolls", base + "/payrolls", office,
                            body, List.of(ref), null, new Success(), false);
                });
            }
            int k = 0;
            for (Stint s : onRoster) {
                BigDecimal due = s.dueFor(m);
                WageIssue issue = p.wageIssues().get(Project.issueKey(s, m));
                LocalDate byDue = WorkingDays.onOrBefore(p.dueDate(m).minusDays(1));
                LocalDate normal = WorkingDays.onOrBefore(submitted.plusDays(2 + (s.no() % 6)));
                if (normal.isAfter(byDue)) {
                    normal = byDue.isBefore(submitted) ? submitted : byDue;
                }
                LocalDateTime onTime = normal.atTime(11, 0).plusSeconds(k++);
                String channel = p.governmentInvested() ? "WAGE_SPECIAL_ACCOUNT" : "BANK_TRANSFER";
                if (issue == null) {
                    wage(p, s, m, due, onTime, channel, base, ref, office);
                } else if (issue.kind().equals("PARTIAL")) {
                    BigDecimal part = due.multiply(issue.part()).setScale(2, RoundingMode.HALF_UP);
                    wage(p, s, m, part, onTime, channel, base, ref, office);
                    if (issue.paidOn() != null) {
                        wage(p, s, m, due.subtract(part), issue.paidOn().atTime(11, 30), channel, base, ref, office);
                    }
                } else if (issue.paidOn() != null) {
                    wage(p, s, m, due, issue.paidOn().atTime(11, 30), channel, base, ref, office);
                }
            }
        }
    }

    private void wage(Project p, Stint s, YearMonth period, BigDecimal amount, LocalDateTime when, String channel,
                      String base, String ref, Actor office) {
        if (amount.signum() <= 0) {
            return;
        }
        at(when, () -> json(when, "project-labor", "POST", "/api/projects/{projectId}/wages", base + "/wages", office,
                object().put("name", s.person().name()).put("residentId", s.person().residentId())
                        .put("period", period.toString()).put("amount", amount.toPlainString())
                        .put("paidOn", when.toLocalDate().toString()).put("channel", channel),
                List.of(ref), null, new Success(), false));
    }

    /** Real-name labour statistics filed with HR at each quarter's end (劳动用工实名统计备案). */
    private void labourFilings(Project p, String base, String ref, Actor office) {
        int n = 0;
        for (int quarter = 1; quarter <= 4; quarter++) {
            LocalDate end = WorkingDays.onOrBefore(YearMonth.of(2020, quarter * 3).atEndOfMonth());
            boolean open = p.start().isBefore(end) && (p.closedOn() == null || p.closedOn().isAfter(end));
            boolean staffed = p.stints().stream().anyMatch(s -> !s.joined().isAfter(end) && (s.left() == null || s.left().isAfter(end)));
            if (open && staffed) {
                LocalDateTime when = end.atTime(16, 0);
                String reference = p.county().name() + "用工备案〔2020〕" + (p.no() * 10 + ++n) + "号";
                at(when, () -> json(when, "project-labor", "POST", "/api/projects/{projectId}/labour-filings",
                        base + "/labour-filings", office, object().put("hrOffice", p.county().hrOffice())
                                .put("reference", reference).put("filedOn", end.toString()),
                        List.of(ref), null, new Success(), false));
            }
        }
    }

    private void dispute(Project p, Dispute d, String base, String ref, Actor office) {
        String disputeRef = "dispute/" + p.no() + "/" + d.no();
        LocalDateTime filed = d.filedOn().atTime(10, 30);
        at(filed, () -> {
            ObjectNode body = object();
            if (d.stint() != null) {
                body.put("name", d.stint().person().name()).put("residentId", d.stint().person().residentId());
            }
            body.put("category", d.category());
            if (d.claimed() != null) {
                body.put("claimedAmount", d.claimed().toPlainString());
            }
            body.put("description", d.description()).put("filedOn", d.filedOn().toString());
            return json(filed, "project-labor", "POST", "/api/projects/{projectId}/disputes", base + "/disputes", office, body,
                    List.of(ref), Creates.field(disputeRef, "disputeId"), new Success(), false);
        });
        if (d.resolvedOn() != null) {
            LocalDateTime resolved = d.resolvedOn().atTime(15, 30);
            at(resolved, () -> {
                ObjectNode body = object().put("outcome", d.outcome());
                if (d.awarded() != null) {
                    body.put("awardedAmount", d.awarded().toPlainString());
                }
                body.put("note", "经劳动争议调解委员会调解结案").put("resolvedOn", d.resolvedOn().toString());
                return json(resolved, "project-labor", "POST", "/api/projects/{projectId}/disputes/{disputeId}/resolution",
                        base + "/disputes/${" + disputeRef + "}/resolution", office, body, List.of(ref), null,
                        new Success(), false);
            });
        }
    }

    // ------------------------------------------------------------------------------------------ employment

    /** Intermediaries, job fairs, relocated households and job postings: what placements may name. */
    private void employmentBodies() {
        Employment.Records e = year.employment();
        for (Employment.Intermediary i : e.intermediaries()) {
            String ref = "intermediary/" + i.no();
            LocalDateTime when = i.recognisedOn().atTime(10, 0);
            at(when, () -> json(when, "employment", "POST", "/api/employment/intermediaries", "/api/employment/intermediaries",
                    clerk(i.county()), put(object().put("name", i.name()).put("kind", i.kind()).put("countyCode", i.county().code()),
                            "township", i.township()).put("recognisedOn", i.recognisedOn().toString()),
                    List.of(ref), Creates.field(ref, "intermediaryId"), new Success(), false));
            if (i.suspendedOn() != null) {
                LocalDateTime suspended = i.suspendedOn().atTime(16, 0);
                at(suspended, () -> json(suspended, "employment", "POST", "/api/employment/intermediaries/{intermediaryId}/suspension",
                        "/api/employment/intermediaries/${" + ref + "}/suspension", clerk(i.county()),
                        object().put("reason", i.suspensionReason()).put("suspendedOn", i.suspendedOn().toString()),
                        List.of(ref), null, new Success(), false));
            }
        }
        for (Employment.JobFair f : e.jobFairs()) {
            String ref = "fair/" + f.no();
            LocalDateTime when = f.heldOn().atTime(17, 0);
            at(when, () -> json(when, "employment", "POST", "/api/employment/job-fairs", "/api/employment/job-fairs",
                    clerk(f.county()), object().put("countyCode", f.county().code()).put("name", f.name())
                            .put("heldOn", f.heldOn().toString()).put("employers", f.employers())
                            .put("positionsOffered", f.positions()).put("attendance", f.attendance()),
                    List.of(ref), Creates.field(ref, "jobFairId"), new Success(), false));
        }
        for (Employment.Household h : e.households()) {
            String ref = "household/" + h.no();
            LocalDateTime when = h.registeredOn().atTime(11, 0);
            at(when, () -> json(when, "employment", "POST", "/api/employment/households", "/api/employment/households",
                    clerk(h.county()), object().put("countyCode", h.county().code()).put("site", h.site())
                            .put("headName", h.head().name()).put("headResidentId", h.head().residentId())
                            .put("membersAbleToWork", h.membersAbleToWork()).put("registeredOn", h.registeredOn().toString()),
                    List.of(ref), Creates.field(ref, "householdId"), new Success(), false));
        }
        for (Employment.JobPosting j : e.postings()) {
            String ref = "posting/" + j.no();
            LocalDateTime when = j.publishedOn().atTime(9, 30);
            at(when, () -> json(when, "employment", "POST", "/api/employment/jobs", "/api/employment/jobs", clerk(j.county()),
                    put(object().put("countyCode", j.county().code()).put("employer", j.employer()).put("sector", j.sector())
                            .put("positions", j.positions()).put("monthlyWage", j.monthlyWage().toPlainString())
                            .put("region", j.region()), "province", j.province()).put("publishedOn", j.publishedOn().toString()),
                    List.of(ref), Creates.field(ref, "postingId"), new Success(), false));
            if (j.filledOn() != null) {
                LocalDateTime filled = j.filledOn().atTime(15, 0);
                at(filled, () -> json(filled, "employment", "POST", "/api/employment/jobs/{postingId}/fills",
                        "/api/employment/jobs/${" + ref + "}/fills", clerk(j.county()),
                        object().put("positionsFilled", j.filled()).put("filledOn", j.filledOn().toString()),
                        List.of(ref), null, new Success(), false));
            }
            if (j.withdrawnOn() != null) {
                LocalDateTime withdrawn = j.withdrawnOn().atTime(15, 0);
                at(withdrawn, () -> json(withdrawn, "employment", "POST", "/api/employment/jobs/{postingId}/withdrawal",
                        "/api/employment/jobs/${" + ref + "}/withdrawal", clerk(j.county()),
                        object().put("reason", "用工单位取消招聘计划").put("withdrawnOn", j.withdrawnOn().toString()),
                        List.of(ref), null, new Success(), false));
            }
        }
    }

    private void placements() {
        Map<Employment.Batch, List<Placement>> batches = new java.util.LinkedHashMap<>();
        Map<Placement, LocalDateTime> firstUse = new java.util.HashMap<>();
        for (Placement p : year.employment().placements()) {
            if (p.batch() != null) {
                batches.computeIfAbsent(p.batch(), b -> new ArrayList<>()).add(p);
            } else {
                single(p);
            }
            LocalDateTime first = afterPlacement(p);
            if (first != null) {
                firstUse.put(p, first);
            }
        }
        for (Map.Entry<Employment.Batch, List<Placement>> e : batches.entrySet()) {
            Employment.Batch b = e.getKey();
            List<Placement> rows = e.getValue();
            List<String> keys = rows.stream().map(p -> "w/" + p.person().residentId()).toList();
            String path = "/api/employment/placements/import?occurredAt=" + query(instant(b.sentAt()).toString());
            importFile(b.sentAt(), "employment", "/api/employment/placements/import", path, clerk(b.county()),
                    () -> RosterFiles.placements(b, rows, format.of(b.county()), year.scale()), true, keys);
            // the file's answer names no ids: a placement's id is looked up (a read) just before it is needed
            for (Placement p : rows) {
                LocalDateTime needed = firstUse.get(p);
                if (needed == null) {
                    continue;
                }
                LocalDateTime when = needed.minusMinutes(1);
                String ref = "placement/" + p.no();
                at(when, () -> new Request(0, instant(when), "employment", "GET",
                        "/api/employment/people/{personKey}/placements",
                        "/api/employment/people/" + pk(p.person()) + "/placements", clerk(b.county()), new NoBody(),
                        List.of("w/" + p.person().residentId()),
                        new Creates(ref, "placementId", "startDate", p.start().toString()), new Success(), true, null));
            }
        }
    }

    private void single(Placement p) {
        String ref = "placement/" + p.no();
        Actor actor = p.byCity() ? CITY_HR : clerk(p.county());
        boolean readsViews = p.household() != null || p.intermediary() != null || p.jobFair() != null;
        at(p.recordedAt(), () -> {
            Person person = p.person();
            ObjectNode body = object().put("name", person.name()).put("residentId", person.residentId())
                    .put("countyCode", person.countyCode()).put("channel", p.channel()).put("destination", p.destination())
                    .put("employer", p.employer()).put("startDate", p.start().toString())
                    .put("expectedMonthlyIncome", p.monthlyIncome().toPlainString());
            body.put("occurredAt", "");
            put(body, "organisedBy", p.organisedBy());
            put(body, "destinationProvince", p.province());
            if (p.intermediary() != null) {
                body.put("intermediaryId", "${intermediary/" + p.intermediary().no() + "}");
            }
            if (p.trainingClass() != null) {
                body.put("trainingClassId", "${class/" + p.trainingClass().no() + "}");
            }
            if (p.project() != null) {
                body.put("projectId", "${project/" + p.project().no() + "}");
            }
            if (p.household() != null) {
                body.put("householdId", "${household/" + p.household().no() + "}");
            }
            if (p.jobFair() != null) {
                body.put("jobFairId", "${fair/" + p.jobFair().no() + "}");
            }
            put(body, "township", person.township());
            put(body, "phone", person.phone());
            return json(p.recordedAt(), "employment", "POST", "/api/employment/placements", "/api/employment/placements",
                    actor, body, List.of("w/" + person.residentId()), Creates.field(ref, "placementId"), new Success(), readsViews);
        });
    }

    /**
     * The check, the end, the monthly income and the subsidies of a placement, each after it was recorded; returns
     * when the first of them is sent (null: none by --until).
     */
    private LocalDateTime afterPlacement(Placement p) {
        int before = actions.size();
        String ref = "placement/" + p.no();
        String base = "/api/employment/placements/${" + ref + "}";
        Actor actor = p.byCity() ? CITY_HR : clerk(p.county());
        List<String> keys = List.of("w/" + p.person().residentId());
        String rid = p.person().residentId();
        LocalDateTime recorded = p.batch() != null ? p.batch().sentAt().plusHours(1) : p.recordedAt();
        Employment.Verification v = p.verification();
        if (v != null) {
            at(v.recordedAt(), () -> json(v.recordedAt(), "employment", "POST", "/api/employment/placements/{placementId}/verification",
                    base + "/verification", actor, object().put("residentId", rid).put("verifiedOn", v.on().toString())
                            .put("status", v.status()), keys, null, new Success(), false));
        }
        Employment.Ending end = p.ending();
        if (end != null) {
            at(end.recordedAt(), () -> json(end.recordedAt(), "employment", "POST", "/api/employment/placements/{placementId}/end",
                    base + "/end", actor, object().put("residentId", rid).put("endedOn", end.on().toString())
                            .put("reason", end.reason()), keys, null, new Success(), false));
        }
        for (YearMonth m = YearMonth.from(p.start()); m.getYear() == 2020; m = m.plusMonths(1)) {
            if (!p.reportsIncome(m)) {
                continue;
            }
            YearMonth month = m;
            LocalDateTime when = WorkingDays.plus(m.plusMonths(1).atDay(1), 2 + p.no() % 4).atTime(10, 0).plusSeconds(p.no() % 600);
            if (!when.isAfter(recorded)) {
                when = recorded.plusDays(1);
            }
            LocalDateTime reported = when;
            at(reported, () -> json(reported, "employment", "POST", "/api/employment/placements/{placementId}/income",
                    base + "/income", actor, object().put("residentId", rid).put("period", month.toString())
                            .put("amount", p.incomeFor(month).toPlainString()), keys, null, new Success(), false));
        }
        if (v != null && p.outOfRegionSubsidy()) {
            LocalDateTime when = v.recordedAt().plusDays(5 + p.no() % 15);
            at(when, () -> json(when, "employment", "POST", "/api/employment/placements/{placementId}/out-of-region-subsidy",
                    base + "/out-of-region-subsidy", actor, object().put("residentId", rid), keys, null, new Success(), false));
        }
        if (v != null && p.intermediarySubsidy()) {
            LocalDateTime when = v.recordedAt().plusDays(5 + p.no() % 15);
            at(when, () -> json(when, "employment", "POST", "/api/employment/placements/{placementId}/intermediary-subsidy",
                    base + "/intermediary-subsidy", actor, object().put("residentId", rid), keys, null, new Success(), true));
        }
        long first = Long.MAX_VALUE;
        for (int i = before; i < actions.size(); i++) {
            first = Math.min(first, actions.get(i).at());
        }
        return first == Long.MAX_VALUE ? null : LocalDateTime.ofEpochSecond(first, 0, BEIJING);
    }

    private void urban() {
        Employment.Records e = year.employment();
        for (Employment.Unemployment u : e.unemployment()) {
            County county = Geography.byCode(u.person().countyCode());
            LocalDateTime when = u.registeredOn().atTime(10, 0);
            at(when, () -> json(when, "employment", "POST", "/api/employment/urban/unemployment",
                    "/api/employment/urban/unemployment", clerk(county), object().put("name", u.person().name())
                            .put("residentId", u.person().residentId()).put("countyCode", county.code())
                            .put("registeredOn", u.registeredOn().toString()), List.of("urban/" + u.person().residentId()),
                    null, new Success(), false));
            if (u.endedOn() != null) {
                LocalDateTime ended = u.endedOn().atTime(15, 0);
                at(ended, () -> json(ended, "employment", "POST", "/api/employment/urban/unemployment/end",
                        "/api/employment/urban/unemployment/end", clerk(county), object().put("residentId", u.person().residentId())
                                .put("endedOn", u.endedOn().toString()).put("reason", u.endReason()),
                        List.of("urban/" + u.person().residentId()), null, new Success(), false));
            }
        }
        for (Employment.UrbanEmployment u : e.urbanEmployment()) {
            County county = Geography.byCode(u.person().countyCode());
            LocalDateTime when = u.registeredOn().atTime(14, 0);
            at(when, () -> json(when, "employment", "POST", "/api/employment/urban/employment",
                    "/api/employment/urban/employment", clerk(county), object().put("name", u.person().name())
                            .put("residentId", u.person().residentId()).put("countyCode", county.code())
                            .put("employer", u.employer()).put("registeredOn", u.registeredOn().toString()),
                    List.of("urban/" + u.person().residentId()), null, new Success(), false));
        }
    }
}
