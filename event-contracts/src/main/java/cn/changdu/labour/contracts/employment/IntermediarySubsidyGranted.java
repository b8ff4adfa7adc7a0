package cn.changdu.labour.contracts.employment;

import cn.changdu.labour.contracts.EventType;
import cn.changdu.labour.contracts.IntegrationEvent;

import java.math.BigDecimal;

/** A service subsidy was granted to an intermediary for one delivered worker (once per placement); yuan, scale 2. */
@EventType(name = "employment.IntermediarySubsidyGranted", version = 1)
public record IntermediarySubsidyGranted(
        String intermediaryId,
        String placementId,
        String personKey,
        String countyCode,
        BigDecimal amount) implements IntegrationEvent {
}
