package cn.changdu.labour.contracts.employment;

import cn.changdu.labour.contracts.EventType;
import cn.changdu.labour.contracts.IntegrationEvent;

import java.time.LocalDate;

/** HR recognised a labour-market actor (an organisation: its name is no personal data). */
@EventType(name = "employment.LabourIntermediaryRecognised", version = 1)
public record LabourIntermediaryRecognised(
        String intermediaryId,
        String name,
        IntermediaryKind kind,
        String countyCode,
        String township,
        LocalDate recognisedOn) implements IntegrationEvent {
}
