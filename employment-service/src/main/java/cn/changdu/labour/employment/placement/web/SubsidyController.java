package cn.changdu.labour.employment.placement.web;

import cn.changdu.labour.contracts.Actor;
import cn.changdu.labour.employment.placement.app.Subsidies;
import cn.changdu.labour.support.web.ValidResidentId;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;

@RestController
@RequestMapping("/api/employment/placements/{placementId}")
public class SubsidyController {

    private final Subsidies subsidies;

    public SubsidyController(Subsidies subsidies) {
        this.subsidies = subsidies;
    }

    public record SubsidyRequest(@NotBlank @ValidResidentId String residentId, Instant occurredAt) {
    }

    @Operation(summary = "Decide the out-of-region employment subsidy of a placement (granted or rejected with reasons)")
    @PostMapping("/out-of-region-subsidy")
    public PlacementResponse outOfRegion(@PathVariable String placementId, @Valid @RequestBody SubsidyRequest request,
                                         Actor actor) {
        return new PlacementResponse(placementId,
                subsidies.decideOutOfRegion(placementId, request.residentId(), actor, request.occurredAt()));
    }

    @Operation(summary = "Grant the service subsidy to the intermediary that delivered this placement")
    @PostMapping("/intermediary-subsidy")
    public PlacementResponse intermediary(@PathVariable String placementId,
                                          @Valid @RequestBody SubsidyRequest request, Actor actor) {
        return new PlacementResponse(placementId,
                subsidies.grantIntermediary(placementId, request.residentId(), actor, request.occurredAt()));
    }
}
