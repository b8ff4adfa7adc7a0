package cn.changdu.labour.employment.urban.web;

import cn.changdu.labour.contracts.Actor;
import cn.changdu.labour.contracts.Counties;
import cn.changdu.labour.employment.urban.app.UrbanEmployment;
import cn.changdu.labour.employment.urban.query.UrbanQueries;
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

@RestController
@RequestMapping("/api/employment/urban")
@Validated
public class UrbanController {

    private final UrbanEmployment registrations;
    private final UrbanQueries urban;

    public UrbanController(UrbanEmployment registrations, UrbanQueries urban) {
        this.registrations = registrations;
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

    public record UrbanEmploymentRegisteredResponse(String registrationId, String personKey) {
    }

    public record UnemploymentRegisteredResponse(String personKey) {
    }

    public record UnemploymentEndedResponse(String personKey) {
    }

    public record LabourForceSetResponse(String countyCode, int year, long labourForce) {
    }

    @Operation(summary = "Register urban new employment (城镇新增就业登记)")
    @PostMapping("/employment")
    public ResponseEntity<UrbanEmploymentRegisteredResponse> employ(@Valid @RequestBody EmploymentRequest request,
                                                                    Actor actor) {
        UrbanEmployment.Registered registered = registrations.registerEmployment(request.name(), request.residentId(),
                request.countyCode(), request.employer(), request.registeredOn(), actor, request.occurredAt());
        return ResponseEntity.created(URI.create("/api/employment/urban/employment/" + registered.registrationId()))
                .body(new UrbanEmploymentRegisteredResponse(registered.registrationId(), registered.personKey()));
    }

    @Operation(summary = "Register urban unemployment (城镇失业登记)")
    @PostMapping("/unemployment")
    public ResponseEntity<UnemploymentRegisteredResponse> unemployed(@Valid @RequestBody UnemploymentRequest request,
                                                                     Actor actor) {
        String personKey = registrations.registerUnemployment(request.name(), request.residentId(),
                request.countyCode(), request.registeredOn(), actor, request.occurredAt());
        return ResponseEntity.status(201).body(new UnemploymentRegisteredResponse(personKey));
    }

    @Operation(summary = "End a registered unemployment")
    @PostMapping("/unemployment/end")
    public UnemploymentEndedResponse endUnemployment(@Valid @RequestBody EndUnemploymentRequest request, Actor actor) {
        return new UnemploymentEndedResponse(registrations.endUnemployment(request.residentId(), request.endedOn(),
                request.reason(), actor, request.occurredAt()));
    }

    @Operation(summary = "Set a county's urban labour force for a year (base of the registered unemployment rate)")
    @PutMapping("/labour-force/{countyCode}/{year}")
    public LabourForceSetResponse labourForce(@PathVariable @Pattern(regexp = Counties.PATTERN) String countyCode,
                                              @PathVariable @Min(2000) @Max(2100) int year,
                                              @Valid @RequestBody LabourForceRequest request, Actor actor) {
        registrations.setLabourForce(countyCode, year, request.labourForce(), actor, request.occurredAt());
        return new LabourForceSetResponse(countyCode, year, request.labourForce());
    }

    @Operation(summary = "Registered unemployment rate now, per county or city-wide, and urban new employment of the year")
    @GetMapping("/unemployment-rate")
    public UrbanQueries.UnemploymentRate rate(@RequestParam(required = false) String countyCode,
                                              @RequestParam int year) {
        return urban.rate(countyCode, year);
    }
}
