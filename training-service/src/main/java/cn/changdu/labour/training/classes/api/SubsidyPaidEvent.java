package cn.changdu.labour.training.classes.api;

import java.math.BigDecimal;
import java.time.LocalDate;

public record SubsidyPaidEvent(String classId, String personKey, String countyCode, BigDecimal amount,
                               LocalDate paidOn) {
}
