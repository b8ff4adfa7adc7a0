package cn.changdu.labour.training.classes.web;

import cn.changdu.labour.contracts.person.PersonKeys;
import cn.changdu.labour.contracts.person.ResidentId;
import cn.changdu.labour.support.web.Caller;
import cn.changdu.labour.support.web.InvalidInput;
import cn.changdu.labour.support.web.NotFound;
import cn.changdu.labour.training.classes.query.TrainingQueries;
import cn.changdu.labour.training.classes.query.TrainingQueries.AfterTraining;
import cn.changdu.labour.training.classes.query.TrainingQueries.ClassDetail;
import cn.changdu.labour.training.classes.query.TrainingQueries.ClassSummary;
import cn.changdu.labour.training.classes.query.TrainingQueries.Inspection;
import cn.changdu.labour.training.classes.query.TrainingQueries.LateFilingApproval;
import cn.changdu.labour.training.classes.query.TrainingQueries.PersonClass;
import cn.changdu.labour.training.classes.query.TrainingQueries.PersonHistory;
import cn.changdu.labour.training.classes.query.TrainingQueries.Subsidy;
import cn.changdu.labour.training.classes.query.TrainingQueries.Trainee;
import cn.changdu.labour.training.config.TrainingSettings;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads of the training read models (eventually consistent: they trail the writes by the projection's lag).
 * Names, resident IDs and phones are masked unless the caller may see personal data.
 */
@RestController
@RequestMapping("/api/training")
public class TrainingQueryController {

    private final TrainingQueries queries;
    private final PersonKeys personKeys;
    private final Clock clock;
    private final TrainingSettings.Properties settings;

    public TrainingQueryController(TrainingQueries queries, PersonKeys personKeys, Clock clock,
                                   TrainingSettings.Properties settings) {
        this.queries = queries;
        this.personKeys = personKeys;
        this.clock = clock;
        this.settings = settings;
    }

    @Operation(summary = "Classes by county, status (FILED, COMPLETED) and start date range")
    @GetMapping("/classes")
    public List<Map<String, Object>> classes(@RequestParam(required = false) String countyCode,
                                             @RequestParam(required = false) String status,
                                             @RequestParam(required = false) LocalDate from,
                                             @RequestParam(required = false) LocalDate to) {
        return queries.classes(countyCode, status, from, to).stream().map(TrainingQueryController::summary).toList();
    }

    @Operation(summary = "A class with its trainees, attendance, assessment, inspections, subsidy and after-training state")
    @GetMapping("/classes/{classId}")
    public Map<String, Object> classDetail(@PathVariable String classId, Caller caller) {
        ClassDetail cls = queries.classDetail(classId)
                .orElseThrow(() -> new NotFound("未找到编号为 " + classId + " 的班级"));
        Map<String, Object> detail = summary(cls.summary());
        detail.put("organiserType", cls.organiserType());
        detail.put("employer", cls.employer());
        detail.put("generalCurriculum", cls.generalCurriculum());
        detail.put("subsidyStandard", plain(cls.subsidyStandard()));
        detail.put("filedOn", text(cls.filedOn()));
        LateFilingApproval approval = cls.lateFilingApproval();
        detail.put("lateFilingApproval", approval == null ? null : ordered("reason", approval.reason(),
                "approver", approval.approver(), "latestFilingDate", text(approval.latestFilingDate())));
        detail.put("inspections", cls.inspections().stream().map(TrainingQueryController::inspection).toList());
        List<Map<String, Object>> trainees = new ArrayList<>();
        for (Trainee t : cls.trainees()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("personKey", t.personKey());
            row.put("name", caller.personal(t.name(), Caller::maskName));
            row.put("residentId", caller.personal(t.residentId(), id -> new ResidentId(id).masked()));
            row.put("phone", caller.personal(t.phone(), Caller::maskPhone));
            row.put("sex", t.sex());
            row.put("birthDate", caller.personal(text(t.birthDate()), date -> date.substring(0, 4)));
            row.put("township", t.township());
            row.put("village", t.village());
            row.put("registeredPoor", t.registeredPoor());
            row.put("consolidationTraining", t.consolidationTraining());
            row.put("status", t.status());
            row.put("passed", t.passed());
            long present = t.daysPresent();
            row.put("daysPresent", present);
            row.put("attendanceRate", cls.registerDays() == 0 ? null
                    : BigDecimal.valueOf(present).divide(BigDecimal.valueOf(cls.registerDays()), 4, RoundingMode.HALF_UP));
            row.put("subsidy", subsidy(t.subsidy()));
            row.put("recommendations", t.recommendations().stream().map(r -> ordered("employer", r.employer(),
                    "position", r.position(), "recommendedOn", text(r.recommendedOn()))).toList());
            row.put("followUps", t.followUps().stream().map(f -> ordered("followedUpOn", text(f.followedUpOn()),
                    "employmentStatus", f.employmentStatus(), "employer", f.employer(), "remarks", f.remarks())).toList());
            trainees.add(row);
        }
        detail.put("trainees", trainees);
        return detail;
    }

    @Operation(summary = "A person's training history, by resident ID or person key (ID, name, phone masked unless allowed)")
    @GetMapping("/people/{person}/history")
    public Map<String, Object> history(@PathVariable String person, Caller caller) {
        String personKey = person.startsWith("pk_") ? person : personKeyOf(person);
        Optional<PersonHistory> found = queries.history(personKey);
        Map<String, Object> history = new LinkedHashMap<>();
        history.put("personKey", personKey);
        found.ifPresent(p -> {
            history.put("name", caller.personal(p.name(), Caller::maskName));
            history.put("residentId", caller.personal(p.residentId(), id -> new ResidentId(id).masked()));
            history.put("phone", caller.personal(p.phone(), Caller::maskPhone));
        });
        history.put("classes", found.map(p -> p.classes().stream().map(TrainingQueryController::personClass).toList())
                .orElse(List.of()));
        history.put("duplicateTrainingAttempts", found.map(p -> p.duplicateAttempts().stream()
                .map(a -> ordered("classId", a.classId(), "countyCode", a.countyCode(), "trade", a.trade(),
                        "startDate", text(a.startDate()), "earlierClassId", a.earlierClassId(),
                        "earlierCountyCode", a.earlierCountyCode(), "earlierStartDate", text(a.earlierStartDate())))
                .toList()).orElse(List.of()));
        return history;
    }

    @Operation(summary = "Qualified trainees whose job recommendation or follow-ups are overdue")
    @GetMapping("/after-training/overdue")
    public List<Map<String, Object>> overdue(@RequestParam(required = false) String countyCode) {
        LocalDate today = clock.instant().atZone(ZoneId.of(settings.zone)).toLocalDate();
        // a class is a candidate once its earliest due date has passed
        int earliestDue = settings.followUpDueDays.stream().reduce(settings.recommendationDueDays, Math::min);
        List<Map<String, Object>> overdue = new ArrayList<>();
        for (AfterTraining t : queries.afterTrainingOpen(countyCode, today.minusDays(earliestDue),
                settings.followUpDueDays.size())) {
            LocalDate end = t.classEndDate();
            List<String> missing = new ArrayList<>();
            LocalDate due = end.plusDays(settings.recommendationDueDays);
            LocalDate oldest = null;
            if (t.recommendations() < 1 && today.isAfter(due)) {
                missing.add("RECOMMENDATION");
                oldest = due;
            }
            for (int n = t.followUps(); n < settings.followUpDueDays.size(); n++) {
                LocalDate followUpDue = end.plusDays(settings.followUpDueDays.get(n));
                if (today.isAfter(followUpDue)) {
                    missing.add("FOLLOW_UP_" + (n + 1));
                    oldest = oldest == null || followUpDue.isBefore(oldest) ? followUpDue : oldest;
                }
            }
            if (!missing.isEmpty()) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("classId", t.classId());
                row.put("countyCode", t.countyCode());
                row.put("organiser", t.organiser());
                row.put("personKey", t.personKey());
                row.put("overdue", missing);
                row.put("dueSince", oldest.toString());
                row.put("daysOverdue", java.time.temporal.ChronoUnit.DAYS.between(oldest, today));
                row.put("recommendations", t.recommendations());
                row.put("followUps", t.followUps());
                overdue.add(row);
            }
        }
        return overdue;
    }

    private String personKeyOf(String residentId) {
        if (ResidentId.validate(residentId).isPresent()) {
            throw new InvalidInput("person", "ValidResidentId", "不是有效的身份证号");
        }
        return personKeys.keyOf(new ResidentId(residentId));
    }

    private static Map<String, Object> summary(ClassSummary c) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("classId", c.classId());
        s.put("countyCode", c.countyCode());
        s.put("organiser", c.organiser());
        s.put("trade", c.trade());
        s.put("category", c.category());
        s.put("deliveryMode", c.deliveryMode());
        s.put("orderDirected", c.orderDirected());
        s.put("plannedSize", c.plannedSize());
        s.put("startDate", text(c.startDate()));
        s.put("endDate", text(c.endDate()));
        s.put("status", c.status());
        s.put("lateFiling", c.lateFiling());
        s.put("completedOn", text(c.completedOn()));
        s.put("passRate", plain(c.passRate()));
        s.put("enrolled", (long) c.enrolled());
        s.put("inspectionCount", c.inspectionCount());
        return s;
    }

    private static Map<String, Object> inspection(Inspection i) {
        Map<String, Object> items = new LinkedHashMap<>();
        i.items().forEach(r -> items.put(r.item(), ordered("passed", r.passed(), "remarks", r.remarks())));
        return ordered("inspectionNumber", i.inspectionNumber(), "inspector", i.inspector(),
                "inspectedOn", text(i.inspectedOn()), "items", items);
    }

    /** The claim's fields that were recorded, in the order they are recorded. */
    private static Map<String, Object> subsidy(Subsidy s) {
        if (s == null) {
            return null;
        }
        Map<String, Object> subsidy = new LinkedHashMap<>();
        subsidy.put("status", s.status());
        subsidy.put("amount", plain(s.amount()));
        subsidy.put("claimant", s.claimant());
        subsidy.put("claimedOn", text(s.claimedOn()));
        if (s.approver() != null) {
            subsidy.put("approver", s.approver());
        }
        if (s.rejectionReason() != null) {
            subsidy.put("rejectionReason", s.rejectionReason());
        }
        if (s.paidOn() != null) {
            subsidy.put("paidOn", text(s.paidOn()));
        }
        return subsidy;
    }

    /** The class as the person's record shows it: its dates once the person's record has it, the result once assessed. */
    private static Map<String, Object> personClass(PersonClass c) {
        Map<String, Object> row = ordered("classId", c.classId(), "countyCode", c.countyCode(), "trade", c.trade(),
                "status", c.status());
        if (c.startDate() != null) {
            row.put("startDate", text(c.startDate()));
            row.put("endDate", text(c.endDate()));
            row.put("category", c.category());
            row.put("registeredPoor", c.registeredPoor());
            row.put("consolidationTraining", c.consolidationTraining());
        }
        if (c.passed() != null) {
            row.put("passed", c.passed());
        }
        return row;
    }

    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    private static String text(LocalDate date) {
        return date == null ? null : date.toString();
    }

    private static String plain(BigDecimal number) {
        return number == null ? null : number.toPlainString();
    }
}
