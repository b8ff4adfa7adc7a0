package cn.changdu.labour.employment.intermediaries.api;

import cn.changdu.labour.contracts.employment.IntermediaryKind;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Commands and events of labour-market actors recognised by HR (measure 10 and 12). */
public final class IntermediaryCommands {

    private IntermediaryCommands() {
    }

    public record RecogniseIntermediary(@TargetAggregateIdentifier String intermediaryId, String name,
                                        IntermediaryKind kind, String countyCode, String township,
                                        LocalDate recognisedOn) {
    }

    public record SuspendIntermediary(@TargetAggregateIdentifier String intermediaryId, String reason,
                                      LocalDate suspendedOn) {
    }

    public record IntermediaryRecognisedEvent(String intermediaryId, String name, IntermediaryKind kind,
                                              String countyCode, String township, LocalDate recognisedOn) {
    }

    public record IntermediarySuspendedEvent(String intermediaryId, String countyCode, String reason,
                                             LocalDate suspendedOn) {
    }
}
