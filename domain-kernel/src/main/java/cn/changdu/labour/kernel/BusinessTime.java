package cn.changdu.labour.kernel;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Business dates are Beijing dates: a payment made at 07:30 on 1 July Beijing time is a July payment, although it
 * is still 30 June in UTC. Every service and the dashboard count days, months, quarters and deadlines in this zone.
 */
public final class BusinessTime {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private BusinessTime() {
    }

    /** The business date of an instant. */
    public static LocalDate dateOf(Instant instant) {
        return LocalDate.ofInstant(instant, ZONE);
    }

    /** The first instant of a business date (its midnight in Beijing). */
    public static Instant startOf(LocalDate date) {
        return date.atStartOfDay(ZONE).toInstant();
    }
}
