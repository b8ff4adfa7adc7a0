package cn.changdu.labour.training.classes.web;

import cn.changdu.labour.contracts.person.PersonKeys;
import cn.changdu.labour.contracts.person.ResidentId;
import cn.changdu.labour.kernel.BusinessTime;
import cn.changdu.labour.support.web.Caller;
import cn.changdu.labour.support.web.InvalidInput;
import cn.changdu.labour.support.web.NotFound;
import cn.changdu.labour.training.classes.query.ClassDetailView;
import cn.changdu.labour.training.classes.query.ClassSummaryView;
import cn.changdu.labour.training.classes.query.OverdueTraineeView;
import cn.changdu.labour.training.classes.query.PersonHistoryView;
import cn.changdu.labour.training.classes.query.TrainingQueries;
import cn.changdu.labour.support.web.ValidResidentId;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads of the training read models (eventually consistent: they trail the writes by the projection's lag).
 * Names, resident IDs and phones are masked unless the caller may see personal data.
 */
@RestController
@RequestMapping("/api/training")
public class TrainingQueryController {

    private static final Pattern PERSON_KEY = Pattern.compile("pk_[0-9a-f]{32}");

    private final TrainingQueries queries;
    private final PersonKeys personKeys;
    private final Clock clock;

    public TrainingQueryController(TrainingQueries queries, PersonKeys personKeys, Clock clock) {
        this.queries = queries;
        this.personKeys = personKeys;
        this.clock = clock;
    }

    @Operation(summary = "Classes by county, status (FILED, COMPLETED) and start date range")
    @GetMapping("/classes")
    public List<ClassSummaryView> classes(@RequestParam(required = false) String countyCode,
                                          @RequestParam(required = false) String status,
                                          @RequestParam(required = false) LocalDate from,
                                          @RequestParam(required = false) LocalDate to) {
        return queries.classes(countyCode, status, from, to).stream().map(ClassSummaryView::of).toList();
    }

    @Operation(summary = "A class with its trainees, attendance, assessment, inspections, subsidy and after-training state")
    @GetMapping("/classes/{classId}")
    public ClassDetailView classDetail(@PathVariable String classId, Caller caller) {
        return queries.classDetail(classId).map(cls -> ClassDetailView.of(cls, caller))
                .orElseThrow(() -> new NotFound("未找到编号为 " + classId + " 的班级"));
    }

    /** The body of a query by resident ID: in the body, so the ID reaches no access log, URL or error instance. */
    public record PersonQuery(@NotBlank @ValidResidentId String residentId) {
    }

    @Operation(summary = "A person's training history by resident ID, given in the body (a read: nothing is stored; "
            + "ID, name, phone masked unless allowed)")
    @PostMapping("/people/history")
    public PersonHistoryView historyByResidentId(@Valid @RequestBody PersonQuery query, Caller caller) {
        return historyByPersonKey(personKeys.keyOf(new ResidentId(query.residentId())), caller);
    }

    @Operation(summary = "A person's training history by person key (pk_…; ID, name, phone masked unless allowed)")
    @GetMapping("/people/{personKey}/history")
    public PersonHistoryView historyByPersonKey(@PathVariable String personKey, Caller caller) {
        if (!PERSON_KEY.matcher(personKey).matches()) {
            // not echoed: a resident ID given here instead of a key is personal data
            throw new InvalidInput("personKey", "person-key",
                    "不是人员密钥（pk_ 加 32 位十六进制）；按身份证号查询请用 POST /api/training/people/history");
        }
        return PersonHistoryView.of(personKey, queries.history(personKey), caller);
    }

    @Operation(summary = "Qualified trainees whose job recommendation or follow-ups are overdue")
    @GetMapping("/after-training/overdue")
    public List<OverdueTraineeView> overdue(@RequestParam(required = false) String countyCode) {
        return queries.overdue(countyCode, BusinessTime.dateOf(clock.instant()));
    }
}
