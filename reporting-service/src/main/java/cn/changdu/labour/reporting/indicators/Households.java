package cn.changdu.labour.reporting.indicators;

import org.bson.Document;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Relocated households (易地搬迁) with labour capacity and nobody employed right now: registered households whose
 * members have no placement that has not ended. Current state, whatever the period asked for.
 */
final class Households {

    private final Map<String, String> countyOf = new HashMap<>();
    private final Map<String, Set<String>> activePlacements = new HashMap<>();
    private final Map<String, String> householdOfPlacement = new HashMap<>();

    synchronized void add(Document fact, Map<String, Object> payload) {
        switch (fact.getString("type")) {
            case "employment.RelocatedHouseholdRegistered" -> {
                if (IndicatorCatalog.number(payload, "membersAbleToWork").intValue() > 0) {
                    countyOf.put(String.valueOf(payload.get("householdId")), fact.getString("countyCode"));
                }
            }
            case "employment.PlacementDetailsRecorded" -> {
                Object household = payload.get("householdId");
                if (household != null) {
                    String placement = String.valueOf(payload.get("placementId"));
                    householdOfPlacement.put(placement, household.toString());
                    activePlacements.computeIfAbsent(household.toString(), h -> new HashSet<>()).add(placement);
                }
            }
            case "employment.EmploymentEnded" -> {
                String household = householdOfPlacement.get(String.valueOf(payload.get("placementId")));
                if (household != null) {
                    activePlacements.getOrDefault(household, new HashSet<>()).remove(String.valueOf(payload.get("placementId")));
                }
            }
            default -> {
            }
        }
    }

    /** Households with nobody employed in an area (the city or a county). */
    synchronized long withNobodyEmployed(String area) {
        return countyOf.entrySet().stream()
                .filter(e -> area.equals(Ledger.CITY) || area.equals(e.getValue()))
                .filter(e -> activePlacements.getOrDefault(e.getKey(), Set.of()).isEmpty())
                .count();
    }
}
