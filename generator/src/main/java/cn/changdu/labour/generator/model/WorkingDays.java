package cn.changdu.labour.generator.model;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The 2020 working calendar training-service counts the 5 working days of a class filing in (its
 * {@code training.holidays} and {@code training.working-weekends}; a test keeps the two in step).
 */
public final class WorkingDays {

    /** Public holidays on weekdays (国务院办公厅 2020). */
    static final Set<LocalDate> HOLIDAYS = dates("2020-01-01", "2020-01-24", "2020-01-27", "2020-01-28", "2020-01-29",
            "2020-01-30", "2020-01-31", "2020-04-06", "2020-05-01", "2020-05-04", "2020-05-05", "2020-06-25", "2020-06-26",
            "2020-10-01", "2020-10-02", "2020-10-05", "2020-10-06", "2020-10-07", "2020-10-08");
    /** Weekend days that are working days (调休). */
    static final Set<LocalDate> WORKING_WEEKENDS = dates("2020-01-19", "2020-04-26", "2020-05-09", "2020-06-28",
            "2020-09-27", "2020-10-10");
    /** A class is filed at least this many working days before it starts (开班报备). */
    public static final int FILING_WORKING_DAYS = 5;

    private WorkingDays() {
    }

    public static boolean isWorkingDay(LocalDate date) {
        if (WORKING_WEEKENDS.contains(date)) {
            return true;
        }
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY && !HOLIDAYS.contains(date);
    }

    /** The last day a class starting on {@code start} may be filed without a late-filing approval. */
    public static LocalDate latestFilingDate(LocalDate start) {
        return minus(start, FILING_WORKING_DAYS);
    }

    /** The working day {@code days} working days before {@code date}. */
    public static LocalDate minus(LocalDate date, int days) {
        LocalDate d = date;
        int counted = 0;
        while (counted < days) {
            d = d.minusDays(1);
            if (isWorkingDay(d)) {
                counted++;
            }
        }
        return d;
    }

    /** The working day {@code days} working days after {@code date} (0: the date itself if it is one, else the next). */
    public static LocalDate plus(LocalDate date, int days) {
        LocalDate d = onOrAfter(date);
        int counted = 0;
        while (counted < days) {
            d = d.plusDays(1);
            if (isWorkingDay(d)) {
                counted++;
            }
        }
        return d;
    }

    /** The date itself if it is a working day, else the next working day. */
    public static LocalDate onOrAfter(LocalDate date) {
        LocalDate d = date;
        while (!isWorkingDay(d)) {
            d = d.plusDays(1);
        }
        return d;
    }

    /** The date itself if it is a working day, else the working day before. */
    public static LocalDate onOrBefore(LocalDate date) {
        LocalDate d = date;
        while (!isWorkingDay(d)) {
            d = d.minusDays(1);
        }
        return d;
    }

    private static Set<LocalDate> dates(String... dates) {
        return Stream.of(dates).map(LocalDate::parse).collect(java.util.stream.Collectors.toUnmodifiableSet());
    }
}
