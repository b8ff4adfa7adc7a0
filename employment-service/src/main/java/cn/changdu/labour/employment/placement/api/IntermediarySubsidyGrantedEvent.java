package cn.changdu.labour.employment.placement.api;

import java.math.BigDecimal;

public record IntermediarySubsidyGrantedEvent(String personKey, String placementId, String countyCode,
                                              String intermediaryId, BigDecimal amount) {
}
