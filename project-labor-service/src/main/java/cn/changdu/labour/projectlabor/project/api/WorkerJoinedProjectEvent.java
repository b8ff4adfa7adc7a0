package cn.changdu.labour.projectlabor.project.api;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Holds personal data: it stays in this service's store. {@code localWorkers}/{@code totalWorkers} are the active
 * roster after the join.
 */
public record WorkerJoinedProjectEvent(
        String projectId,
        String personKey,
        String name,
        String residentId,
        String phone,
        boolean localFarmerHerder,
        String homeCountyCode,
        String trade,
        BigDecimal wageRate,
        PayCycle payCycle,
        boolean socialInsuranceRegistered,
        LocalDate joinedOn,
        String countyCode,
        String department,
        boolean governmentInvested,
        int localWorkers,
        int totalWorkers) {
}
