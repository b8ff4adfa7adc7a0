package cn.changdu.labour.projectlabor.project.api;

import java.time.YearMonth;

/** Nothing is owed any more for the worker and period (paid in full, or the amount due was corrected to it). */
public record WageArrearsClearedEvent(
        String projectId,
        String personKey,
        YearMonth period,
        boolean governmentInvested,
        String countyCode,
        String department) {
}
