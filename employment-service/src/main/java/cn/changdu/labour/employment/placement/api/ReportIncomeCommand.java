package cn.changdu.labour.employment.placement.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;
import java.time.YearMonth;

public record ReportIncomeCommand(
        @TargetAggregateIdentifier String personKey,
        String placementId,
        YearMonth period,
        BigDecimal amount) {
}
