package cn.changdu.labour.contracts.projectlabor;

import cn.changdu.labour.contracts.EventType;
import cn.changdu.labour.contracts.IntegrationEvent;

import java.math.BigDecimal;
import java.time.YearMonth;

/** The outstanding amount of an open arrears case changed (partial payment, corrected payroll). */
@EventType(name = "projectlabor.WageArrearsChanged", version = 1)
public record WageArrearsChanged(
        String projectId,
        String personKey,
        YearMonth period,
        BigDecimal amount,
        boolean governmentInvested,
        String department) implements IntegrationEvent {
}
