package cn.changdu.labour.contracts.training;

import cn.changdu.labour.contracts.EventType;
import cn.changdu.labour.contracts.IntegrationEvent;

import java.time.LocalDate;

/**
 * A class was filed later than 5 working days before its start, allowed by a recorded approval (reason and
 * approver stay in training-service). Follows the class's {@link ClassFiled}.
 *
 * @param filedOn          business date of the filing
 * @param latestFilingDate the last date the rule allowed (5 working days before the start)
 */
@EventType(name = "training.LateFilingApproved", version = 1)
public record LateFilingApproved(
        String classId,
        String countyCode,
        LocalDate startDate,
        LocalDate filedOn,
        LocalDate latestFilingDate) implements IntegrationEvent {
}
