package cn.changdu.labour.training.classes.web;

import cn.changdu.labour.contracts.Actor;
import cn.changdu.labour.contracts.Counties;
import cn.changdu.labour.contracts.person.PersonKeys;
import cn.changdu.labour.contracts.person.ResidentId;
import cn.changdu.labour.support.web.DomainCommands;
import cn.changdu.labour.support.web.ValidResidentId;
import cn.changdu.labour.training.classes.api.EnrollTraineeCommand;
import cn.changdu.labour.training.classes.api.FileClassCommand;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
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

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

@RestController
@RequestMapping("/api/training/classes")
public class TrainingClassController {

    private final DomainCommands commands;
    private final PersonKeys personKeys;

    public TrainingClassController(DomainCommands commands, PersonKeys personKeys) {
        this.commands = commands;
        this.personKeys = personKeys;
    }

    public record FileClassRequest(
            @NotNull @Pattern(regexp = Counties.PATTERN, message = "须为昌都市所辖县区代码") String countyCode,
            @NotBlank @Size(max = 100) String organiser,
            @NotBlank @Size(max = 50) String trade,
            @Positive @Max(500) int plannedSize,
            @NotNull LocalDate startDate,
            @NotNull LocalDate endDate,
            Instant occurredAt) {
    }

    public record ClassFiledResponse(String classId) {
    }

    @Operation(summary = "File a training class (开班报备)")
    @PostMapping
    public ResponseEntity<ClassFiledResponse> fileClass(@Valid @RequestBody FileClassRequest request, Actor actor) {
        String classId = UUID.randomUUID().toString();
        commands.send(new FileClassCommand(classId, request.countyCode(), request.organiser(), request.trade(),
                request.plannedSize(), request.startDate(), request.endDate()), actor, request.occurredAt());
        return ResponseEntity.created(URI.create("/api/training/classes/" + classId)).body(new ClassFiledResponse(classId));
    }

    public record EnrollTraineeRequest(
            @NotBlank @Size(max = 50) String name,
            @NotBlank @ValidResidentId String residentId,
            @Size(max = 50) String township,
            @Pattern(regexp = "1\\d{10}", message = "须为 11 位手机号") String phone,
            Instant occurredAt) {
    }

    public record TraineeEnrolledResponse(String classId, String personKey) {
    }

    @Operation(summary = "Enrol a trainee by real name (实名报名)")
    @PostMapping("/{classId}/trainees")
    public ResponseEntity<TraineeEnrolledResponse> enroll(@PathVariable String classId,
                                                          @Valid @RequestBody EnrollTraineeRequest request, Actor actor) {
        ResidentId residentId = new ResidentId(request.residentId());
        String personKey = personKeys.keyOf(residentId);
        commands.send(new EnrollTraineeCommand(classId, personKey, request.name().strip(), residentId.value(),
                request.township(), request.phone()), actor, request.occurredAt());
        return ResponseEntity.status(201).body(new TraineeEnrolledResponse(classId, personKey));
    }
}
