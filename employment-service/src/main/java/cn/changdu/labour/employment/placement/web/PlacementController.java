package cn.changdu.labour.employment.placement.web;

import cn.changdu.labour.contracts.Actor;
import cn.changdu.labour.contracts.Counties;
import cn.changdu.labour.contracts.employment.Destination;
import cn.changdu.labour.contracts.employment.EndReason;
import cn.changdu.labour.contracts.employment.OrganisedBy;
import cn.changdu.labour.contracts.employment.TransferChannel;
import cn.changdu.labour.contracts.employment.VerificationStatus;
import cn.changdu.labour.contracts.person.PersonKeys;
import cn.changdu.labour.contracts.person.ResidentId;
import cn.changdu.labour.employment.placement.api.PlacementDetails;
import cn.changdu.labour.employment.placement.app.Placements;
import cn.changdu.labour.employment.placement.query.PlacementQueries;
import cn.changdu.labour.employment.placement.query.PlacementQueries.PlacementView;
import cn.changdu.labour.support.web.Caller;
import cn.changdu.labour.support.web.InvalidInput;
import cn.changdu.labour.support.web.NotFound;
import cn.changdu.labour.support.web.ValidResidentId;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import static cn.changdu.labour.kernel.Text.blankToNull;

@RestController
@RequestMapping("/api/employment")
public class PlacementController {

    private static final String PERSON_KEY = "pk_[0-9a-f]{32}";

    private final Placements placements;
    private final PersonKeys personKeys;
    private final PlacementQueries queries;

    public PlacementController(Placements placements, PersonKeys personKeys, PlacementQueries queries) {
        this.placements = placements;
        this.personKeys = personKeys;
        this.queries = queries;
    }

    /** The fields after {@code occurredAt} are optional additions; older clients leave them out. */
    public record PlaceWorkerRequest(
            @NotBlank @Size(max = 50) String name,
            @NotBlank @ValidResidentId String residentId,
            @NotNull @Pattern(regexp = Counties.PATTERN, message = "须为昌都市所辖县区代码") String countyCode,
            @NotNull TransferChannel channel,
            @NotNull Destination destination,
            @NotBlank @Size(max = 100) String employer,
            @NotNull LocalDate startDate,
            @Positive @Digits(integer = 9, fraction = 2) BigDecimal expectedMonthlyIncome,
            Instant occurredAt,
            OrganisedBy organisedBy,
            @Size(max = 20) String destinationProvince,
            @Size(max = 64) String intermediaryId,
            @Size(max = 64) String trainingClassId,
            @Size(max = 64) String projectId,
            @Size(max = 64) String householdId,
            @Size(max = 64) String jobFairId,
            @Size(max = 50) String township,
            @Pattern(regexp = "^1\\d{10}$", message = "须为11位手机号") String phone) {

        Placements.NewPlacement placement() {
            return new Placements.NewPlacement(name, residentId, countyCode, channel, destination, employer, startDate,
                    expectedMonthlyIncome, details());
        }

        private PlacementDetails details() {
            return new PlacementDetails(organisedBy, blankToNull(destinationProvince), blankToNull(intermediaryId),
                    blankToNull(trainingClassId), blankToNull(projectId), blankToNull(householdId),
                    blankToNull(jobFairId), blankToNull(township), blankToNull(phone));
        }
    }

    public record WorkerPlacedResponse(String placementId, String personKey) {
    }

    public record VerifyRequest(@NotBlank @ValidResidentId String residentId, @NotNull LocalDate verifiedOn,
                                @NotNull VerificationStatus status, @Size(max = 200) String remarks,
                                Instant occurredAt) {
    }

    public record EndRequest(@NotBlank @ValidResidentId String residentId, @NotNull LocalDate endedOn,
                             @NotNull EndReason reason, @Size(max = 200) String remarks, Instant occurredAt) {
    }

    public record IncomeRequest(@NotBlank @ValidResidentId String residentId, @NotNull YearMonth period,
                                @NotNull @Positive @Digits(integer = 9, fraction = 2) BigDecimal amount,
                                Instant occurredAt) {
    }

    @Operation(summary = "Record a transfer-employment placement (转移就业登记)")
    @PostMapping("/placements")
    public ResponseEntity<WorkerPlacedResponse> place(@Valid @RequestBody PlaceWorkerRequest request, Actor actor) {
        Placements.Placed placed = placements.place(request.placement(), actor, request.occurredAt());
        return ResponseEntity.created(URI.create("/api/employment/placements/" + placed.placementId()))
                .body(new WorkerPlacedResponse(placed.placementId(), placed.personKey()));
    }

    @Operation(summary = "Record the 3-month stability check of a placement (稳定就业核验)")
    @PostMapping("/placements/{placementId}/verification")
    public PlacementResponse verify(@PathVariable String placementId, @Valid @RequestBody VerifyRequest request,
                                    Actor actor) {
        return new PlacementResponse(placementId, placements.verify(placementId, request.residentId(),
                request.verifiedOn(), request.status(), request.remarks(), actor, request.occurredAt()));
    }

    @Operation(summary = "Record the end of a placement (离岗登记)")
    @PostMapping("/placements/{placementId}/end")
    public PlacementResponse end(@PathVariable String placementId, @Valid @RequestBody EndRequest request,
                                 Actor actor) {
        return new PlacementResponse(placementId, placements.end(placementId, request.residentId(), request.endedOn(),
                request.reason(), request.remarks(), actor, request.occurredAt()));
    }

    @Operation(summary = "Report a placement's income for one month (转移就业收入)")
    @PostMapping("/placements/{placementId}/income")
    public PlacementResponse reportIncome(@PathVariable String placementId, @Valid @RequestBody IncomeRequest request,
                                          Actor actor) {
        return new PlacementResponse(placementId, placements.reportIncome(placementId, request.residentId(),
                request.period(), request.amount(), actor, request.occurredAt()));
    }

    @Operation(summary = "Placements by county, channel, employer, household, status, overdue 3-month check")
    @GetMapping("/placements")
    public List<PlacementView> find(@RequestParam(required = false) String countyCode,
                                    @RequestParam(required = false) TransferChannel channel,
                                    @RequestParam(required = false) String employer,
                                    @RequestParam(required = false) String householdId,
                                    @RequestParam(required = false) String status,
                                    @RequestParam(required = false) Boolean overdue,
                                    @RequestParam(required = false) String intermediaryId,
                                    @RequestParam(required = false) String jobFairId,
                                    Caller caller) {
        return queries.find(new PlacementQueries.Filter(countyCode, channel == null ? null : channel.name(), employer,
                householdId, status, overdue, null, intermediaryId, jobFairId), caller);
    }

    @Operation(summary = "One placement")
    @GetMapping("/placements/{placementId}")
    public PlacementView one(@PathVariable String placementId, Caller caller) {
        // a problem detail naming what is missing, not a 404 with an empty body
        return queries.byId(placementId, caller)
                .orElseThrow(() -> new NotFound("未找到编号为 " + placementId + " 的就业安置记录"));
    }

    /** The body of a query by resident ID: in the body, so the ID reaches no access log, URL or error instance. */
    public record PersonQuery(@NotBlank @ValidResidentId String residentId) {
    }

    @Operation(summary = "A person's employment history by resident ID, given in the body (a read: nothing is stored; "
            + "personal data masked unless the caller may see it)")
    @PostMapping("/people/placements")
    public List<PlacementView> historyByResidentId(@Valid @RequestBody PersonQuery query, Caller caller) {
        return historyByPersonKey(personKeys.keyOf(new ResidentId(query.residentId())), caller);
    }

    @Operation(summary = "A person's employment history by person key (pk_…; personal data masked unless the caller may see it)")
    @GetMapping("/people/{personKey}/placements")
    public List<PlacementView> historyByPersonKey(@PathVariable String personKey, Caller caller) {
        if (!personKey.matches(PERSON_KEY)) {
            // not echoed: a resident ID given here instead of a key is personal data
            throw new InvalidInput("personKey", "person-key",
                    "不是人员密钥（pk_ 加 32 位十六进制）；按身份证号查询请用 POST /api/employment/people/placements");
        }
        return queries.find(new PlacementQueries.Filter(null, null, null, null, null, null, personKey, null, null),
                caller);
    }
}
