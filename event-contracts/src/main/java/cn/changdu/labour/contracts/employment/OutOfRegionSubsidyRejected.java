package cn.changdu.labour.contracts.employment;

import cn.changdu.labour.contracts.EventType;
import cn.changdu.labour.contracts.IntegrationEvent;

import java.util.List;

/** An application for the out-of-region subsidy was rejected; {@code reasons} are the eligibility rules not met. */
@EventType(name = "employment.OutOfRegionSubsidyRejected", version = 1)
public record OutOfRegionSubsidyRejected(
        String placementId,
        String personKey,
        String countyCode,
        List<String> reasons) implements IntegrationEvent {
}
