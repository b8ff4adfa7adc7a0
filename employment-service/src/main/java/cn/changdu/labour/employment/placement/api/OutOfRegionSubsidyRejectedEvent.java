package cn.changdu.labour.employment.placement.api;

import java.util.List;

public record OutOfRegionSubsidyRejectedEvent(String personKey, String placementId, String countyCode,
                                              List<String> reasons) {
}
