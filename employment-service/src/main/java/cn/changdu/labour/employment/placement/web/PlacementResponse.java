package cn.changdu.labour.employment.placement.web;

/** The answer of a change to a placement (check, end, income, subsidy decisions). */
public record PlacementResponse(String placementId, String personKey) {
}
