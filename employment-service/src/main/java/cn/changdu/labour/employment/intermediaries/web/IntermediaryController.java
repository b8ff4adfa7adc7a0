package cn.changdu.labour.employment.intermediaries.web;

import cn.changdu.labour.contracts.Actor;
import cn.changdu.labour.contracts.Counties;
import cn.changdu.labour.contracts.employment.IntermediaryKind;
import cn.changdu.labour.employment.intermediaries.app.Intermediaries;
import cn.changdu.labour.employment.intermediaries.query.IntermediaryQueries;
import cn.changdu.labour.employment.intermediaries.query.IntermediaryQueries.IntermediaryView;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

@RestController
@RequestMapping("/api/employment/intermediaries")
public class IntermediaryController {

    private final Intermediaries recognition;
    private final IntermediaryQueries intermediaries;

    public IntermediaryController(Intermediaries recognition, IntermediaryQueries intermediaries) {
        this.recognition = recognition;
        this.intermediaries = intermediaries;
    }

    public record RecogniseRequest(@NotBlank @Size(max = 100) String name, @NotNull IntermediaryKind kind,
                                   @NotNull @Pattern(regexp = Counties.PATTERN, message = "须为昌都市所辖县区代码") String countyCode,
                                   @Size(max = 50) String township, @NotNull LocalDate recognisedOn,
                                   Instant occurredAt) {
    }

    public record SuspendRequest(@NotBlank @Size(max = 200) String reason, @NotNull LocalDate suspendedOn,
                                 Instant occurredAt) {
    }

    public record IntermediaryRecognisedResponse(String intermediaryId) {
    }

    public record IntermediarySuspendedResponse(String intermediaryId) {
    }

    @Operation(summary = "Recognise an HR agency, labour broker, work team or transfer cooperative (认定)")
    @PostMapping
    public ResponseEntity<IntermediaryRecognisedResponse> recognise(@Valid @RequestBody RecogniseRequest request,
                                                                    Actor actor) {
        String id = recognition.recognise(request.name(), request.kind(), request.countyCode(), request.township(),
                request.recognisedOn(), actor, request.occurredAt());
        return ResponseEntity.created(URI.create("/api/employment/intermediaries/" + id))
                .body(new IntermediaryRecognisedResponse(id));
    }

    @Operation(summary = "Suspend a recognised intermediary")
    @PostMapping("/{intermediaryId}/suspension")
    public IntermediarySuspendedResponse suspend(@PathVariable String intermediaryId,
                                                 @Valid @RequestBody SuspendRequest request, Actor actor) {
        recognition.suspend(intermediaryId, request.reason(), request.suspendedOn(), actor, request.occurredAt());
        return new IntermediarySuspendedResponse(intermediaryId);
    }

    @Operation(summary = "Intermediaries by county and status (RECOGNISED, SUSPENDED)")
    @GetMapping
    public List<IntermediaryView> find(@RequestParam(required = false) String countyCode,
                                       @RequestParam(required = false) String status) {
        return intermediaries.find(countyCode, status);
    }
}
