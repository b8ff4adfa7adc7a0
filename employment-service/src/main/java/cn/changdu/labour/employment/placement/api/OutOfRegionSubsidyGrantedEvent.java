package cn.changdu.labour.employment.placement.api;

import java.math.BigDecimal;

public record OutOfRegionSubsidyGrantedEvent(String personKey, String placementId, String countyCode,
                                             BigDecimal amount) {
}
