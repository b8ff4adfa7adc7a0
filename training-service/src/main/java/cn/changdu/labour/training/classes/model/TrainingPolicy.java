package cn.changdu.labour.training.classes.model;

import cn.changdu.labour.kernel.BusinessTime;
import cn.changdu.labour.training.plan.api.TrainingCategory;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The plan's configurable numbers and calendars, handed to the aggregates' command handlers (built from
 * {@code training.*} in application.yml).
 *
 * @param filingWorkingDays           a class is filed at least this many working days before it starts (5)
 * @param holidays                    public holidays that fall on weekdays and are not working days
 * @param workingWeekends             weekend days that are working days (调休)
 * @param trades                      the trade catalogue, each trade with its default training category
 * @param generalCurriculumAddOn      yuan added to the subsidy standard when the general curriculum is included (450)
 * @param attendanceThreshold         attendance rate a trainee needs for a subsidy (e.g. 0.80)
 * @param minimumInspections          inspections before a class may be completed (2)
 */
public record TrainingPolicy(
        int filingWorkingDays,
        Set<LocalDate> holidays,
        Set<LocalDate> workingWeekends,
        Map<String, TrainingCategory> trades,
        BigDecimal generalCurriculumAddOn,
        BigDecimal attendanceThreshold,
        int minimumInspections) {

    public TrainingPolicy {
        holidays = Set.copyOf(holidays);
        workingWeekends = Set.copyOf(workingWeekends);
        trades = Map.copyOf(trades);
    }

    public boolean isWorkingDay(LocalDate date) {
        if (workingWeekends.contains(date)) {
            return true;
        }
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY && !holidays.contains(date);
    }

    /** The last date a class starting on {@code start} may be filed: {@code filingWorkingDays} working days before it. */
    public LocalDate latestFilingDate(LocalDate start) {
        LocalDate date = start;
        int counted = 0;
        while (counted < filingWorkingDays) {
            date = date.minusDays(1);
            if (isWorkingDay(date)) {
                counted++;
            }
        }
        return date;
    }

    public Optional<TrainingCategory> categoryOf(String trade) {
        return Optional.ofNullable(trade == null ? null : trades.get(trade.strip()));
    }

    /** The business date of a command: its occurredAt metadata (when it happened), else now, in the business zone. */
    public LocalDate businessDate(String occurredAt) {
        Instant when = occurredAt != null ? Instant.parse(occurredAt)
                : org.axonframework.eventhandling.GenericEventMessage.clock.instant();
        return BusinessTime.dateOf(when);
    }
}
