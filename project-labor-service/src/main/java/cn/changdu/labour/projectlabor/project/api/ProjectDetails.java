package cn.changdu.labour.projectlabor.project.api;

import java.time.LocalDate;
import java.util.List;

/**
 * The optional particulars of a project (all may be null on projects registered before they existed).
 *
 * @param wagePayDay day of the month after a pay period by which its wages are due (1–28; null = 15)
 */
public record ProjectDetails(
        String contractor,
        List<String> subcontractors,
        LocalDate startDate,
        LocalDate plannedEndDate,
        String wageAccount,
        Integer wagePayDay) {

    public static final int DEFAULT_WAGE_PAY_DAY = 15;

    public static ProjectDetails none() {
        return new ProjectDetails(null, List.of(), null, null, null, null);
    }

    public int payDay() {
        return wagePayDay == null ? DEFAULT_WAGE_PAY_DAY : wagePayDay;
    }
}
