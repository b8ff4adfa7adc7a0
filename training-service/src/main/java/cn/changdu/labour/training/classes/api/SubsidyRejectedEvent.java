package cn.changdu.labour.training.classes.api;

import java.math.BigDecimal;
import java.time.LocalDate;

public record SubsidyRejectedEvent(String classId, String personKey, String countyCode, BigDecimal amount,
                                   String rejectedBy, String reason, LocalDate rejectedOn) {
}
