package cn.changdu.labour.reporting.indicators;

import cn.changdu.labour.contracts.projectlabor.LocalLabourShare;
import org.bson.Document;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Each construction project as it stands now: its roster's local-labour share (the plan: at least 30% local farmers
 * and herders) and its open wage arrears. Current state, whatever the period asked for.
 */
public final class Projects {

    /**
     * @param localShare      local workers in percent of the active roster (null while nobody is on it)
     * @param belowLocalShare the roster has people and fewer than 30% are local ({@link LocalLabourShare})
     */
    public record ProjectView(String projectId, String name, String countyCode, String department,
                              boolean governmentInvested, boolean closed, int localWorkers, int totalWorkers,
                              BigDecimal localShare, boolean belowLocalShare, BigDecimal openArrears,
                              int openArrearsCases, long workersInArrears) {
    }

    private static final class Project {
        String name;
        String countyCode;
        String department;
        boolean governmentInvested;
        boolean closed;
        int localWorkers;
        int totalWorkers;
        /** outstanding amount per open case (personKey|period) */
        final Map<String, BigDecimal> arrears = new LinkedHashMap<>();
    }

    private final Map<String, Project> projects = new HashMap<>();

    synchronized void add(Document fact, Map<String, Object> payload) {
        String type = fact.getString("type");
        if (!type.startsWith("projectlabor.") || payload.get("projectId") == null) {
            return;
        }
        Project project = projects.computeIfAbsent(payload.get("projectId").toString(), id -> new Project());
        switch (type) {
            case "projectlabor.ProjectRegistered", "projectlabor.ProjectUpdated" -> {
                project.name = text(payload, "name");
                project.countyCode = text(payload, "countyCode");
                project.department = text(payload, "department");
                project.governmentInvested = IndicatorCatalog.isTrue(payload, "governmentInvested");
            }
            case "projectlabor.ProjectClosed" -> project.closed = true;
            case "projectlabor.WorkerJoinedProject", "projectlabor.WorkerLeftProject" -> {
                project.localWorkers = IndicatorCatalog.number(payload, "localWorkers").intValue();
                project.totalWorkers = IndicatorCatalog.number(payload, "totalWorkers").intValue();
            }
            case "projectlabor.WageArrearsDetected", "projectlabor.WageArrearsChanged" ->
                    project.arrears.put(arrearsCase(payload), IndicatorCatalog.number(payload, "amount"));
            case "projectlabor.WageArrearsCleared" -> project.arrears.remove(arrearsCase(payload));
            default -> {
            }
        }
    }

    /** The registered projects of an area (the city, a county or {@code dept:<name>}), lowest local share first. */
    synchronized List<ProjectView> in(String area) {
        List<ProjectView> views = new ArrayList<>();
        projects.forEach((id, p) -> {
            if (p.name == null || !(area.equals(Ledger.CITY) || area.equals(p.countyCode) || area.equals("dept:" + p.department))) {
                return;
            }
            BigDecimal share = p.totalWorkers == 0 ? null : BigDecimal.valueOf(p.localWorkers * 100L)
                    .divide(BigDecimal.valueOf(p.totalWorkers), 1, RoundingMode.HALF_EVEN);
            long workersInArrears = p.arrears.keySet().stream().map(k -> k.substring(0, k.indexOf('|'))).distinct().count();
            views.add(new ProjectView(id, p.name, p.countyCode, p.department, p.governmentInvested, p.closed,
                    p.localWorkers, p.totalWorkers, share, LocalLabourShare.below(p.localWorkers, p.totalWorkers),
                    p.arrears.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add), p.arrears.size(), workersInArrears));
        });
        // projects needing attention first: arrears on government-invested projects (the plan settles those first),
        // other arrears (closed projects too: the wages are still owed); then open ones, too few local workers first,
        // then by local share
        views.sort(Comparator.comparing((ProjectView v) -> !(v.openArrearsCases() > 0 && v.governmentInvested()))
                .thenComparing(v -> v.openArrearsCases() == 0)
                .thenComparing(ProjectView::closed)
                .thenComparing(v -> !v.belowLocalShare())
                .thenComparing(ProjectView::localShare, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(ProjectView::projectId));
        return views;
    }

    private static String arrearsCase(Map<String, Object> payload) {
        return payload.get("personKey") + "|" + payload.get("period");
    }

    private static String text(Map<String, Object> payload, String field) {
        Object value = payload.get(field);
        return value == null ? null : value.toString();
    }
}
