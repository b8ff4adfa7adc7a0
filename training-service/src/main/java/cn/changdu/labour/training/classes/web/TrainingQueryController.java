package cn.changdu.labour.training.classes.web;

import cn.changdu.labour.contracts.person.PersonKeys;
import cn.changdu.labour.contracts.person.ResidentId;
import cn.changdu.labour.support.web.Caller;
import cn.changdu.labour.support.web.InvalidInput;
import cn.changdu.labour.support.web.NotFound;
import cn.changdu.labour.training.classes.query.TrainingViews;
import cn.changdu.labour.training.config.TrainingSettings;
import io.swagger.v3.oas.annotations.Operation;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
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

/**
 * Reads of the training read models (eventually consistent: they trail the writes by the projection's lag).
 * Names, resident IDs and phones are masked unless the caller may see personal data.
 */
@RestController
@RequestMapping("/api/training")
public class TrainingQueryController {

    private final MongoTemplate mongo;
    private final PersonKeys personKeys;
    private final Clock clock;
    private final TrainingSettings.Properties settings;

    public TrainingQueryController(MongoTemplate mongo, PersonKeys personKeys, Clock clock,
                                   TrainingSettings.Properties settings) {
        this.mongo = mongo;
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
        Query query = new Query();
        if (countyCode != null) {
            query.addCriteria(Criteria.where("countyCode").is(countyCode));
        }
        if (status != null) {
            query.addCriteria(Criteria.where("status").is(status));
        }
        if (from != null || to != null) {
            Criteria start = Criteria.where("startDate");
            if (from != null) {
                start = start.gte(from.toString());
            }
            if (to != null) {
                start = start.lte(to.toString());
            }
            query.addCriteria(start);
        }
        query.with(Sort.by("startDate"));
        return mongo.find(query, Document.class, TrainingViews.CLASSES).stream().map(this::summary).toList();
    }

    @Operation(summary = "A class with its trainees, attendance, assessment, inspections, subsidy and after-training state")
    @GetMapping("/classes/{classId}")
    public Map<String, Object> classDetail(@PathVariable String classId, Caller caller) {
        Document doc = mongo.findById(classId, Document.class, TrainingViews.CLASSES);
        if (doc == null) {
            throw new NotFound("未找到编号为 " + classId + " 的班级");
        }
        Map<String, Object> detail = summary(doc);
        detail.put("organiserType", doc.get("organiserType"));
        detail.put("employer", doc.get("employer"));
        detail.put("generalCurriculum", doc.get("generalCurriculum"));
        detail.put("subsidyStandard", doc.get("subsidyStandard"));
        detail.put("filedOn", doc.get("filedOn"));
        detail.put("lateFilingApproval", doc.get("lateFilingApproval"));
        detail.put("inspections", new ArrayList<>(section(doc, "inspections").values()));
        Map<String, Object> attendance = section(doc, "attendance");
        List<Map<String, Object>> trainees = new ArrayList<>();
        section(doc, "trainees").values().forEach(value -> {
            Document t = (Document) value;
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("personKey", t.get("personKey"));
            row.put("name", caller.personal(t.getString("name"), Caller::maskName));
            row.put("residentId", caller.personal(t.getString("residentId"), id -> new ResidentId(id).masked()));
            row.put("phone", caller.personal(t.getString("phone"), Caller::maskPhone));
            row.put("sex", t.get("sex"));
            row.put("birthDate", caller.personal(t.getString("birthDate"), date -> date.substring(0, 4)));
            row.put("township", t.get("township"));
            row.put("village", t.get("village"));
            row.put("registeredPoor", t.get("registeredPoor"));
            row.put("consolidationTraining", t.get("consolidationTraining"));
            row.put("status", t.get("status"));
            row.put("passed", t.get("passed"));
            Map<String, Object> days = section(t, "attendance");
            long present = days.values().stream().filter(Boolean.TRUE::equals).count();
            row.put("daysPresent", present);
            row.put("attendanceRate", attendance.isEmpty() ? null
                    : BigDecimal.valueOf(present).divide(BigDecimal.valueOf(attendance.size()), 4, RoundingMode.HALF_UP));
            row.put("subsidy", t.get("subsidy"));
            row.put("recommendations", new ArrayList<>(section(t, "recommendations").values()));
            row.put("followUps", new ArrayList<>(section(t, "followUps").values()));
            trainees.add(row);
        });
        detail.put("trainees", trainees);
        return detail;
    }

    @Operation(summary = "A person's training history, by resident ID or person key (ID, name, phone masked unless allowed)")
    @GetMapping("/people/{person}/history")
    public Map<String, Object> history(@PathVariable String person, Caller caller) {
        String personKey = person.startsWith("pk_") ? person : personKeyOf(person);
        Document doc = mongo.findById(personKey, Document.class, TrainingViews.PEOPLE);
        Map<String, Object> history = new LinkedHashMap<>();
        history.put("personKey", personKey);
        if (doc != null) {
            history.put("name", caller.personal(doc.getString("name"), Caller::maskName));
            history.put("residentId", caller.personal(doc.getString("residentId"), id -> new ResidentId(id).masked()));
            history.put("phone", caller.personal(doc.getString("phone"), Caller::maskPhone));
        }
        List<Object> classes = doc == null ? List.of() : new ArrayList<>(section(doc, "classes").values());
        history.put("classes", classes);
        history.put("duplicateTrainingAttempts", doc == null ? List.of() : new ArrayList<>(section(doc, "duplicateAttempts").values()));
        return history;
    }

    @Operation(summary = "Qualified trainees whose job recommendation or follow-ups are overdue")
    @GetMapping("/after-training/overdue")
    public List<Map<String, Object>> overdue(@RequestParam(required = false) String countyCode) {
        Query query = Query.query(Criteria.where("status").is("COMPLETED"));
        if (countyCode != null) {
            query.addCriteria(Criteria.where("countyCode").is(countyCode));
        }
        LocalDate today = clock.instant().atZone(ZoneId.of(settings.zone)).toLocalDate();
        List<Map<String, Object>> overdue = new ArrayList<>();
        for (Document doc : mongo.find(query, Document.class, TrainingViews.CLASSES)) {
            LocalDate end = LocalDate.parse(doc.getString("endDate"));
            section(doc, "trainees").values().forEach(value -> {
                Document t = (Document) value;
                if (!Boolean.TRUE.equals(t.get("passed")) || !"ENROLLED".equals(t.get("status"))) {
                    return;
                }
                int recommendations = section(t, "recommendations").size();
                int followUps = section(t, "followUps").size();
                List<String> missing = new ArrayList<>();
                LocalDate due = end.plusDays(settings.recommendationDueDays);
                LocalDate oldest = null;
                if (recommendations < 1 && today.isAfter(due)) {
                    missing.add("RECOMMENDATION");
                    oldest = due;
                }
                for (int n = followUps; n < settings.followUpDueDays.size(); n++) {
                    LocalDate followUpDue = end.plusDays(settings.followUpDueDays.get(n));
                    if (today.isAfter(followUpDue)) {
                        missing.add("FOLLOW_UP_" + (n + 1));
                        oldest = oldest == null || followUpDue.isBefore(oldest) ? followUpDue : oldest;
                    }
                }
                if (!missing.isEmpty()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("classId", doc.get("_id"));
                    row.put("countyCode", doc.get("countyCode"));
                    row.put("organiser", doc.get("organiser"));
                    row.put("personKey", t.get("personKey"));
                    row.put("overdue", missing);
                    row.put("dueSince", oldest.toString());
                    row.put("daysOverdue", java.time.temporal.ChronoUnit.DAYS.between(oldest, today));
                    row.put("recommendations", recommendations);
                    row.put("followUps", followUps);
                    overdue.add(row);
                }
            });
        }
        return overdue;
    }

    private String personKeyOf(String residentId) {
        if (ResidentId.validate(residentId).isPresent()) {
            throw new InvalidInput("person", "ValidResidentId", "不是有效的身份证号");
        }
        return personKeys.keyOf(new ResidentId(residentId));
    }

    private Map<String, Object> summary(Document doc) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("classId", doc.get("_id"));
        for (String field : List.of("countyCode", "organiser", "trade", "category", "deliveryMode", "orderDirected",
                "plannedSize", "startDate", "endDate", "status", "lateFiling", "completedOn", "passRate")) {
            s.put(field, doc.get(field));
        }
        s.put("enrolled", section(doc, "trainees").values().stream()
                .filter(t -> "ENROLLED".equals(((Document) t).get("status"))).count());
        s.put("inspectionCount", section(doc, "inspections").size());
        return s;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> section(Document doc, String field) {
        Object value = doc.get(field);
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }
}
