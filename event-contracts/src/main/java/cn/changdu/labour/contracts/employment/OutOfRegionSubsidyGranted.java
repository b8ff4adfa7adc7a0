package cn.changdu.labour.contracts.employment;

import cn.changdu.labour.contracts.EventType;
import cn.changdu.labour.contracts.IntegrationEvent;

import java.math.BigDecimal;

/** The out-of-region employment subsidy (区外就业补贴) was granted for a placement; amount in yuan, scale 2. */
@EventType(name = "employment.OutOfRegionSubsidyGranted", version = 1)
public record OutOfRegionSubsidyGranted(
        String placementId,
        String personKey,
        String countyCode,
        BigDecimal amount) implements IntegrationEvent {
}
