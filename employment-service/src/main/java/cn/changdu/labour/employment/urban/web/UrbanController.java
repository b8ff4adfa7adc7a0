package cn.changdu.labour.employment.urban.web;

import cn.changdu.labour.contracts.Actor;
import cn.changdu.labour.contracts.Counties;
import cn.changdu.labour.contracts.person.PersonKeys;
import cn.changdu.labour.contracts.person.ResidentId;
import cn.changdu.labour.employment.urban.api.UrbanCommands;
import cn.changdu.labour.employment.urban.api.UrbanCommands.EndUnemployment;
import cn.changdu.labour.employment.urban.api.UrbanCommands.RegisterUnemployment;
import cn.changdu.labour.employment.urban.api.UrbanCommands.RegisterUrbanEmployment;
import cn.changdu.labour.employment.urban.api.UrbanCommands.SetLabourForceBase;
import cn.changdu.labour.employment.urban.query.UrbanQueries;
import cn.changdu.labour.support.commands.DomainCommands;
import cn.changdu.labour.support.web.ValidResidentId;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

@RestController
@RequestMapping("/api/employment/urban")
@Validated
public class UrbanController {

    private final DomainCommands commands;
    private final PersonKeys personKeys;
    private final UrbanQueries urban;

    public UrbanController(DomainCommands commands, PersonKeys personKeys, UrbanQueries urban) {
        this.commands = commands;
        this.personKeys = personKeys;
        this.urban = urban;
    }

    public record EmploymentRequest(@NotBlank @Size(max = 50) String name, @NotBlank @ValidResidentId String residentId,
                                    @NotNull @Pattern(regexp = Counties.PATTERN, message = "须为昌都市所辖县区代码") String countyCode,
                                    @NotBlank @Size(max = 100) String employer, @NotNull LocalDate registeredOn,
                                    Instant occurredAt) {
    }

    public record UnemploymentRequest(@NotBlank @Size(max = 50) String name,
                                      @NotBlank @ValidResidentId String residentId,
                                      @NotNull @Pattern(regexp = Counties.PATTERN, message = "须为昌都市所辖县区代码") String countyCode,
                                      @NotNull LocalDate registeredOn, Instant occurredAt) {
    }

    public record EndUnemploymentRequest(@NotBlank @ValidResidentId String residentId, @NotNull LocalDate endedOn,
                                         @Pattern(regexp = "EMPLOYED|MOVED_AWAY|OTHER") String reason,
                                         Instant occurredAt) {
    }

    public record LabourForceRequest(@NotNull @Min(1) Long labourForce, Instant occurredAt) {
    }

    @Operation(summary = "Register urban new employment (城镇新增就业登记)")
    @PostMapping("/employment")
    public ResponseEntity<Map<String, String>> employ(@Valid @RequestBody EmploymentRequest request, Actor actor) {
        ResidentId id = new ResidentId(request.residentId());
        String personKey = personKeys.keyOf(id);
        String registrationId = "ue-" + UUID.randomUUID();
        commands.send(new RegisterUrbanEmployment(UrbanCommands.urbanId(personKey), personKey, registrationId,
                request.name().strip(), id.value(), request.countyCode(), request.employer().strip(),
                request.registeredOn()), actor, request.occurredAt());
        return ResponseEntity.created(URI.create("/api/employment/urban/employment/" + registrationId))
                .body(Map.of("registrationId", registrationId, "personKey", personKey));
    }

    @Operation(summary = "Register urban unemployment (城镇失业登记)")
    @PostMapping("/unemployment")
    public ResponseEntity<Map<String, String>> unemployed(@Valid @RequestBody UnemploymentRequest request, Actor actor) {
        ResidentId id = new ResidentId(request.residentId());
        String personKey = personKeys.keyOf(id);
        commands.send(new RegisterUnemployment(UrbanCommands.urbanId(personKey), personKey, request.name().strip(),
                id.value(), request.countyCode(), request.registeredOn()), actor, request.occurredAt());
        return ResponseEntity.status(201).body(Map.of("personKey", personKey));
    }

    @Operation(summary = "End a registered unemployment")
    @PostMapping("/unemployment/end")
    public Map<String, String> endUnemployment(@Valid @RequestBody EndUnemploymentRequest request, Actor actor) {
        String personKey = personKeys.keyOf(new ResidentId(request.residentId()));
        commands.send(new EndUnemployment(UrbanCommands.urbanId(personKey), request.endedOn(),
                request.reason() == null ? "OTHER" : request.reason()), actor, request.occurredAt());
        return Map.of("personKey", personKey);
    }

    @Operation(summary = "Set a county's urban labour force for a year (base of the registered unemployment rate)")
    @PutMapping("/labour-force/{countyCode}/{year}")
    public Map<String, Object> labourForce(@PathVariable @Pattern(regexp = Counties.PATTERN) String countyCode,
                                           @PathVariable @Min(2000) @Max(2100) int year,
                                           @Valid @RequestBody LabourForceRequest request, Actor actor) {
        commands.send(new SetLabourForceBase(SetLabourForceBase.idOf(countyCode, year), countyCode, year,
                request.labourForce()), actor, request.occurredAt());
        return Map.of("countyCode", countyCode, "year", year, "labourForce", request.labourForce());
    }

    @Operation(summary = "Registered unemployment rate now, per county or city-wide, and urban new employment of the year")
    @GetMapping("/unemployment-rate")
    public UrbanQueries.UnemploymentRate rate(@RequestParam(required = false) String countyCode,
                                              @RequestParam int year) {
        return urban.rate(countyCode, year);
    }
}
