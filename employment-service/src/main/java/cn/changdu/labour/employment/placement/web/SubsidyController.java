package cn.changdu.labour.employment.placement.web;

import cn.changdu.labour.contracts.Actor;
import cn.changdu.labour.contracts.person.PersonKeys;
import cn.changdu.labour.contracts.person.ResidentId;
import cn.changdu.labour.employment.placement.api.DecideOutOfRegionSubsidyCommand;
import cn.changdu.labour.employment.placement.api.GrantIntermediarySubsidyCommand;
import cn.changdu.labour.employment.placement.api.OutOfRegionSubsidyPolicy;
import cn.changdu.labour.employment.placement.query.PlacementQueries;
import cn.changdu.labour.support.web.Caller;
import cn.changdu.labour.support.commands.DomainCommands;
import cn.changdu.labour.support.web.ValidResidentId;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.Map;

@RestController
@RequestMapping("/api/employment/placements/{placementId}")
@EnableConfigurationProperties(SubsidyProperties.class)
public class SubsidyController {

    private final DomainCommands commands;
    private final PersonKeys personKeys;
    private final SubsidyProperties subsidies;
    private final PlacementPreconditions preconditions;
    private final PlacementQueries placements;

    public SubsidyController(DomainCommands commands, PersonKeys personKeys, SubsidyProperties subsidies,
                             PlacementPreconditions preconditions, PlacementQueries placements) {
        this.commands = commands;
        this.personKeys = personKeys;
        this.subsidies = subsidies;
        this.preconditions = preconditions;
        this.placements = placements;
    }

    public record SubsidyRequest(@NotBlank @ValidResidentId String residentId, Instant occurredAt) {
    }

    @Operation(summary = "Decide the out-of-region employment subsidy of a placement (granted or rejected with reasons)")
    @PostMapping("/out-of-region-subsidy")
    public Map<String, String> outOfRegion(@PathVariable String placementId, @Valid @RequestBody SubsidyRequest request,
                                           Actor actor) {
        String personKey = personKeys.keyOf(new ResidentId(request.residentId()));
        SubsidyProperties.OutOfRegion policy = subsidies.outOfRegion();
        commands.send(new DecideOutOfRegionSubsidyCommand(personKey, placementId, new OutOfRegionSubsidyPolicy(
                policy.amount(), policy.requireGovernmentOrganised(), policy.requireVerifiedEmployment())),
                actor, request.occurredAt());
        return Map.of("placementId", placementId, "personKey", personKey);
    }

    @Operation(summary = "Grant the service subsidy to the intermediary that delivered this placement")
    @PostMapping("/intermediary-subsidy")
    public Map<String, String> intermediary(@PathVariable String placementId,
                                            @Valid @RequestBody SubsidyRequest request, Actor actor) {
        String personKey = personKeys.keyOf(new ResidentId(request.residentId()));
        // the intermediary must still be recognised when the subsidy is granted (read model; see preconditions)
        placements.byId(placementId, new Caller(null, java.util.Set.of()))
                .map(PlacementQueries.PlacementView::intermediaryId)
                .ifPresent(preconditions::requireRecognised);
        commands.send(new GrantIntermediarySubsidyCommand(personKey, placementId, subsidies.intermediary().amount(),
                subsidies.intermediary().requireVerifiedEmployment()), actor, request.occurredAt());
        return Map.of("placementId", placementId, "personKey", personKey);
    }
}
