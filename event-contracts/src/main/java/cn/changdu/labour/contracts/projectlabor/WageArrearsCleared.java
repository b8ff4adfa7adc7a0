package cn.changdu.labour.contracts.projectlabor;

import cn.changdu.labour.contracts.EventType;
import cn.changdu.labour.contracts.IntegrationEvent;

import java.time.YearMonth;

/** An arrears case is closed: nothing is owed any more for the worker and period. */
@EventType(name = "projectlabor.WageArrearsCleared", version = 1)
public record WageArrearsCleared(
        String projectId,
        String personKey,
        YearMonth period,
        boolean governmentInvested,
        String department) implements IntegrationEvent {
}
