package cn.changdu.labour.employment.placement.web;

import cn.changdu.labour.contracts.Actor;
import cn.changdu.labour.contracts.Counties;
import cn.changdu.labour.contracts.employment.Destination;
import cn.changdu.labour.contracts.employment.TransferChannel;
import cn.changdu.labour.contracts.person.PersonKeys;
import cn.changdu.labour.contracts.person.ResidentId;
import cn.changdu.labour.employment.placement.api.PlaceWorkerCommand;
import cn.changdu.labour.support.web.DomainCommands;
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
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

@RestController
@RequestMapping("/api/employment/placements")
public class PlacementController {

    private final DomainCommands commands;
    private final PersonKeys personKeys;

    public PlacementController(DomainCommands commands, PersonKeys personKeys) {
        this.commands = commands;
        this.personKeys = personKeys;
    }

    public record PlaceWorkerRequest(
            @NotBlank @Size(max = 50) String name,
            @NotBlank @ValidResidentId String residentId,
            @NotNull @Pattern(regexp = Counties.PATTERN, message = "须为昌都市所辖县区代码") String countyCode,
            @NotNull TransferChannel channel,
            @NotNull Destination destination,
            @NotBlank @Size(max = 100) String employer,
            @NotNull LocalDate startDate,
            @Positive @Digits(integer = 9, fraction = 2) BigDecimal expectedMonthlyIncome,
            Instant occurredAt) {
    }

    public record WorkerPlacedResponse(String placementId, String personKey) {
    }

    @Operation(summary = "Record a transfer-employment placement (转移就业登记)")
    @PostMapping
    public ResponseEntity<WorkerPlacedResponse> place(@Valid @RequestBody PlaceWorkerRequest request, Actor actor) {
        ResidentId residentId = new ResidentId(request.residentId());
        String personKey = personKeys.keyOf(residentId);
        String placementId = UUID.randomUUID().toString();
        commands.send(new PlaceWorkerCommand(personKey, placementId, request.name().strip(), residentId.value(),
                request.countyCode(), request.channel(), request.destination(), request.employer(),
                request.startDate(), request.expectedMonthlyIncome()), actor, request.occurredAt());
        return ResponseEntity.created(URI.create("/api/employment/placements/" + placementId))
                .body(new WorkerPlacedResponse(placementId, personKey));
    }
}
