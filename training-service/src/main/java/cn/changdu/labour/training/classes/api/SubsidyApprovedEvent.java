package cn.changdu.labour.training.classes.api;

import java.math.BigDecimal;
import java.time.LocalDate;

public record SubsidyApprovedEvent(String classId, String personKey, String countyCode, BigDecimal amount,
                                   String approver, LocalDate approvedOn) {
}
