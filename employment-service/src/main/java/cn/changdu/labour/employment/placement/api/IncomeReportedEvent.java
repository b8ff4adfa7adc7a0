package cn.changdu.labour.employment.placement.api;

import cn.changdu.labour.contracts.employment.TransferChannel;

import java.math.BigDecimal;
import java.time.YearMonth;

public record IncomeReportedEvent(
        String personKey,
        String placementId,
        String countyCode,
        TransferChannel channel,
        YearMonth period,
        BigDecimal amount) {
}
