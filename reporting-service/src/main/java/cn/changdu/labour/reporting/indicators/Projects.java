package cn.changdu.labour.reporting.indicators;

import cn.changdu.labour.contracts.projectlabor.LocalLabourShare;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Comparator;
import java.util.List;

/**
 * Each construction project as it stands now: its roster's local-labour share (the plan: at least 30% local farmers
 * and herders) and its open wage arrears. Current state, whatever the period asked for; kept by the projection in
 * the {@code project} and {@code project_arrears} tables.
 */
public final class Projects {

    private Projects() {
    }

    /**
     * @param localShare      local workers in percent of the active roster (null while nobody is on it)
     * @param belowLocalShare the roster has people and fewer than 30% are local ({@link LocalLabourShare})
     */
    public record ProjectView(String projectId, String name, String countyCode, String department,
                              boolean governmentInvested, boolean closed, int localWorkers, int totalWorkers,
                              BigDecimal localShare, boolean belowLocalShare, BigDecimal openArrears,
                              int openArrearsCases, long workersInArrears) {
    }

    static ProjectView view(String id, String name, String countyCode, String department, boolean governmentInvested,
                            boolean closed, int localWorkers, int totalWorkers, BigDecimal openArrears, int cases, long workers) {
        BigDecimal share = totalWorkers == 0 ? null : BigDecimal.valueOf(localWorkers * 100L)
                .divide(BigDecimal.valueOf(totalWorkers), 1, RoundingMode.HALF_EVEN);
        return new ProjectView(id, name, countyCode, department, governmentInvested, closed, localWorkers, totalWorkers,
                share, LocalLabourShare.below(localWorkers, totalWorkers), openArrears == null ? BigDecimal.ZERO : openArrears,
                cases, workers);
    }

    /**
     * Projects needing attention first: arrears on government-invested projects (the plan settles those first),
     * other arrears (closed projects too: the wages are still owed); then open ones, too few local workers first,
     * then by local share.
     */
    static void sort(List<ProjectView> views) {
        views.sort(Comparator.comparing((ProjectView v) -> !(v.openArrearsCases() > 0 && v.governmentInvested()))
                .thenComparing(v -> v.openArrearsCases() == 0)
                .thenComparing(ProjectView::closed)
                .thenComparing(v -> !v.belowLocalShare())
                .thenComparing(ProjectView::localShare, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(ProjectView::projectId));
    }
}
