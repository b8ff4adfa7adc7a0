package cn.changdu.labour.employment.jobs.api;

import cn.changdu.labour.contracts.employment.Destination;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;
import java.time.LocalDate;

/** Commands and events of job development (开发就业岗位). */
public final class JobPostingCommands {

    private JobPostingCommands() {
    }

    public record PublishJobPosting(@TargetAggregateIdentifier String postingId, String countyCode, String employer,
                                    String sector, int positions, BigDecimal monthlyWage, Destination region,
                                    String province, LocalDate publishedOn) {
    }

    public record FillJobPosting(@TargetAggregateIdentifier String postingId, int positionsFilled, LocalDate filledOn) {
    }

    public record WithdrawJobPosting(@TargetAggregateIdentifier String postingId, String reason, LocalDate withdrawnOn) {
    }

    public record JobPostingPublishedEvent(String postingId, String countyCode, String employer, String sector,
                                           int positions, BigDecimal monthlyWage, Destination region, String province,
                                           LocalDate publishedOn) {
    }

    public record JobPostingFilledEvent(String postingId, String countyCode, int positionsFilled, int filledTotal,
                                        LocalDate filledOn) {
    }

    public record JobPostingWithdrawnEvent(String postingId, String countyCode, int unfilledPositions, String reason,
                                           LocalDate withdrawnOn) {
    }
}
