package cn.changdu.labour.employment.jobs.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

public record FillJobPostingCommand(@TargetAggregateIdentifier String postingId, int positionsFilled,
                                    LocalDate filledOn) {
}
