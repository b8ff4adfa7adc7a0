package cn.changdu.labour.employment.jobs.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

public record WithdrawJobPostingCommand(@TargetAggregateIdentifier String postingId, String reason,
                                        LocalDate withdrawnOn) {
}
