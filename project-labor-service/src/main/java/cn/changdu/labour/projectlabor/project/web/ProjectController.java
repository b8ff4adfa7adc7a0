package cn.changdu.labour.projectlabor.project.web;

import cn.changdu.labour.contracts.Actor;
import cn.changdu.labour.contracts.Counties;
import cn.changdu.labour.contracts.person.PersonKeys;
import cn.changdu.labour.contracts.person.ResidentId;
import cn.changdu.labour.projectlabor.project.api.PayWageCommand;
import cn.changdu.labour.projectlabor.project.api.RegisterProjectCommand;
import cn.changdu.labour.support.web.DomainCommands;
import cn.changdu.labour.support.web.ValidResidentId;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.UUID;

@RestController
@RequestMapping("/api/projects")
public class ProjectController {

    private final DomainCommands commands;
    private final PersonKeys personKeys;

    public ProjectController(DomainCommands commands, PersonKeys personKeys) {
        this.commands = commands;
        this.personKeys = personKeys;
    }

    public record RegisterProjectRequest(
            @NotBlank @Size(max = 200) String name,
            @NotNull @Pattern(regexp = Counties.PATTERN, message = "须为昌都市所辖县区代码") String countyCode,
            @NotBlank @Size(max = 50) String department,
            boolean governmentInvested,
            @Positive @Max(100_000) int plannedWorkforce,
            Instant occurredAt) {
    }

    public record ProjectRegisteredResponse(String projectId) {
    }

    @Operation(summary = "Register a construction project (工程项目登记)")
    @PostMapping
    public ResponseEntity<ProjectRegisteredResponse> register(@Valid @RequestBody RegisterProjectRequest request,
                                                              Actor actor) {
        String projectId = UUID.randomUUID().toString();
        commands.send(new RegisterProjectCommand(projectId, request.name(), request.countyCode(), request.department(),
                request.governmentInvested(), request.plannedWorkforce()), actor, request.occurredAt());
        return ResponseEntity.created(URI.create("/api/projects/" + projectId)).body(new ProjectRegisteredResponse(projectId));
    }

    public record PayWageRequest(
            @NotBlank @Size(max = 50) String name,
            @NotBlank @ValidResidentId String residentId,
            @NotNull YearMonth period,
            @NotNull @Positive @Digits(integer = 9, fraction = 2, message = "须为金额（元），最多两位小数") BigDecimal amount,
            @NotNull LocalDate paidOn,
            Instant occurredAt) {
    }

    public record WagePaidResponse(String paymentId, String personKey) {
    }

    @Operation(summary = "Record a wage payment to a worker for a pay period (工资发放)")
    @PostMapping("/{projectId}/wages")
    public ResponseEntity<WagePaidResponse> payWage(@PathVariable String projectId,
                                                    @Valid @RequestBody PayWageRequest request, Actor actor) {
        ResidentId residentId = new ResidentId(request.residentId());
        String personKey = personKeys.keyOf(residentId);
        String paymentId = UUID.randomUUID().toString();
        commands.send(new PayWageCommand(projectId, paymentId, personKey, request.name().strip(), residentId.value(),
                request.period(), request.amount(), request.paidOn()), actor, request.occurredAt());
        return ResponseEntity.status(201).body(new WagePaidResponse(paymentId, personKey));
    }
}
