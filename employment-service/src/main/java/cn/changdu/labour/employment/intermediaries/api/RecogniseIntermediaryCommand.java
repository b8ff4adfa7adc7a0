package cn.changdu.labour.employment.intermediaries.api;

import cn.changdu.labour.contracts.employment.IntermediaryKind;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

public record RecogniseIntermediaryCommand(@TargetAggregateIdentifier String intermediaryId, String name,
                                           IntermediaryKind kind, String countyCode, String township,
                                           LocalDate recognisedOn) {
}
