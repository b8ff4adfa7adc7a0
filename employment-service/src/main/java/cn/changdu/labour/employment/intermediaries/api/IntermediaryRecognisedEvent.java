package cn.changdu.labour.employment.intermediaries.api;

import cn.changdu.labour.contracts.employment.IntermediaryKind;

import java.time.LocalDate;

public record IntermediaryRecognisedEvent(String intermediaryId, String name, IntermediaryKind kind,
                                          String countyCode, String township, LocalDate recognisedOn) {
}
