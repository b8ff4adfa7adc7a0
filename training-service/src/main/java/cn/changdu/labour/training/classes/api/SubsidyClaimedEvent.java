package cn.changdu.labour.training.classes.api;

import java.math.BigDecimal;
import java.time.LocalDate;

public record SubsidyClaimedEvent(String classId, String personKey, String countyCode, BigDecimal amount,
                                  String claimant, LocalDate claimedOn) {
}
