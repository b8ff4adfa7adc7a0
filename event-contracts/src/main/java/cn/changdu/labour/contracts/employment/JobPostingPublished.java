package cn.changdu.labour.contracts.employment;

import cn.changdu.labour.contracts.EventType;
import cn.changdu.labour.contracts.IntegrationEvent;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A job posting was published (开发就业岗位): {@code positions} count towards the plan's 10,000 jobs developed.
 *
 * @param monthlyWage yuan, exact to the fen; null when not stated
 * @param province    for OUT_OF_REGION postings, else null
 */
@EventType(name = "employment.JobPostingPublished", version = 1)
public record JobPostingPublished(
        String postingId,
        String countyCode,
        String employer,
        String sector,
        int positions,
        BigDecimal monthlyWage,
        Destination region,
        String province,
        LocalDate publishedOn) implements IntegrationEvent {
}
