package cn.changdu.labour.generator.model;

import cn.changdu.labour.generator.model.Geography.County;
import cn.changdu.labour.generator.model.People.Person;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * A construction project (measures 8 and 14) with its real-name roster, monthly payrolls and wages, the arrears
 * some months leave and the disputes they bring.
 *
 * @param department   the owning department (发改委, 住建局, 交通局, 水利局 …); its county office records
 * @param payDay       wages for a month are due by this day of the next month (the service's default, 15)
 * @param rosterImport whether the first crew's roster is sent as a file (花名册) rather than worker by worker
 * @param payrollImport whether the monthly payrolls are sent as files (工资表) rather than as JSON
 * @param localTarget  the share of local farmers and herders the project hires (some below the plan's 30 %)
 * @param wageIssues   wages not paid on time, by {@link #issueKey}
 * @param closedOn     when the project was closed (完工), or null
 */
public record Project(int no, County county, String name, String department, boolean governmentInvested,
                      int plannedWorkforce, String contractor, LocalDate start, LocalDate plannedEnd,
                      LocalDateTime registeredAt, int payDay, boolean rosterImport, boolean payrollImport,
                      double localTarget, List<Stint> stints, Map<String, WageIssue> wageIssues, List<Dispute> disputes,
                      LocalDate closedOn) {

    /**
     * A worker's time on the roster.
     *
     * @param firstCrew on the roster from the first days (the imported roster when the project imports)
     */
    public record Stint(int no, Person person, boolean local, String trade, BigDecimal rate, LocalDate joined,
                        LocalDate left, boolean firstCrew) {

        /** Calendar days on the roster in the month (as project-labor-service counts them). */
        public long daysIn(YearMonth period) {
            LocalDate from = joined.isAfter(period.atDay(1)) ? joined : period.atDay(1);
            LocalDate to = left != null && left.isBefore(period.atEndOfMonth()) ? left : period.atEndOfMonth();
            return to.isBefore(from) ? 0 : ChronoUnit.DAYS.between(from, to) + 1;
        }

        /** What the month's payroll says is due: the monthly rate, pro rata by calendar days, to the fen. */
        public BigDecimal dueFor(YearMonth period) {
            long days = daysIn(period);
            if (days == period.lengthOfMonth()) {
                return rate.setScale(2, RoundingMode.UNNECESSARY);
            }
            return rate.multiply(BigDecimal.valueOf(days)).divide(BigDecimal.valueOf(period.lengthOfMonth()), 2,
                    RoundingMode.HALF_UP);
        }
    }

    /**
     * A month's wage not paid on time: {@code LATE} paid in full after the due date, {@code PARTIAL} part paid on
     * time and the rest later, {@code UNPAID} not paid at all (within the year, unless a dispute settles it).
     *
     * @param paidOn when the (rest of the) wage is paid, or null
     * @param part   the share paid on time ({@code PARTIAL})
     */
    public record WageIssue(String kind, LocalDate paidOn, BigDecimal part) {
    }

    /** A labour dispute (劳动争议): a worker's (or collective, {@code stint} null) and how it ended. */
    public record Dispute(int no, Stint stint, String category, BigDecimal claimed, String description, LocalDate filedOn,
                          LocalDate resolvedOn, String outcome, BigDecimal awarded) {
    }

    public static String issueKey(Stint stint, YearMonth period) {
        return stint.no() + "|" + period;
    }

    /** The county office of the owning department, which records the project (e.g. 江达县交通局). */
    public String office() {
        return county.office(department);
    }

    public LocalDate dueDate(YearMonth period) {
        return period.plusMonths(1).atDay(payDay);
    }
}
