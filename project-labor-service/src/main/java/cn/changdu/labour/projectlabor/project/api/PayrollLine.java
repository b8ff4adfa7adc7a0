package cn.changdu.labour.projectlabor.project.api;

import java.math.BigDecimal;

/**
 * One worker's line of a payroll.
 *
 * @param daysWorked for day-wage workers; null = the calendar days on the roster in the period
 * @param amountDue  the amount due as the payroll states it; null = computed from the roster's rate and pay cycle
 */
public record PayrollLine(String personKey, Integer daysWorked, BigDecimal amountDue) {
}
