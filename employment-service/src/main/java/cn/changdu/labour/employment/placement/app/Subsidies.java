package cn.changdu.labour.employment.placement.app;

import cn.changdu.labour.contracts.Actor;
import cn.changdu.labour.contracts.person.PersonKeys;
import cn.changdu.labour.contracts.person.ResidentId;
import cn.changdu.labour.employment.placement.api.DecideOutOfRegionSubsidyCommand;
import cn.changdu.labour.employment.placement.api.GrantIntermediarySubsidyCommand;
import cn.changdu.labour.employment.placement.api.OutOfRegionSubsidyPolicy;
import cn.changdu.labour.employment.placement.model.PlacementRules;
import cn.changdu.labour.employment.placement.query.PlacementQueries;
import cn.changdu.labour.support.commands.DomainCommands;
import cn.changdu.labour.support.web.Caller;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.util.Set;

/** The subsidies a placement earns: out of the region (decided, granted or rejected) and the intermediary's. */
@Service
@EnableConfigurationProperties(SubsidyProperties.class)
public class Subsidies {

    private final DomainCommands commands;
    private final PersonKeys personKeys;
    private final SubsidyProperties subsidies;
    private final NamedRecordsReader namedRecords;
    private final PlacementQueries placements;

    public Subsidies(DomainCommands commands, PersonKeys personKeys, SubsidyProperties subsidies,
                     NamedRecordsReader namedRecords, PlacementQueries placements) {
        this.commands = commands;
        this.personKeys = personKeys;
        this.subsidies = subsidies;
        this.namedRecords = namedRecords;
        this.placements = placements;
    }

    /** Decides the out-of-region subsidy under the configured policy; answers the person key. */
    public String decideOutOfRegion(String placementId, String residentId, Actor actor, Instant occurredAt) {
        String personKey = personKeys.keyOf(new ResidentId(residentId));
        SubsidyProperties.OutOfRegion policy = subsidies.outOfRegion();
        commands.send(new DecideOutOfRegionSubsidyCommand(personKey, placementId, new OutOfRegionSubsidyPolicy(
                policy.amount(), policy.requireGovernmentOrganised(), policy.requireVerifiedEmployment())),
                actor, occurredAt);
        return personKey;
    }

    /** Grants the intermediary's service subsidy; answers the person key. */
    public String grantIntermediary(String placementId, String residentId, Actor actor, Instant occurredAt) {
        String personKey = personKeys.keyOf(new ResidentId(residentId));
        // the intermediary must still be recognised when the subsidy is granted (its view; see PlacementRules)
        placements.byId(placementId, new Caller(null, Set.of()))
                .map(PlacementQueries.PlacementView::intermediaryId)
                .ifPresent(id -> PlacementRules.requireRecognised(id, namedRecords.intermediaryStatus(id)));
        commands.send(new GrantIntermediarySubsidyCommand(personKey, placementId, subsidies.intermediary().amount(),
                subsidies.intermediary().requireVerifiedEmployment()), actor, occurredAt);
        return personKey;
    }
}
