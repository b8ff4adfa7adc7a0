package cn.changdu.labour.employment.jobfairs.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** County matching events (job fairs), 2–3 a year per county. */
public final class JobFairCommands {

    private JobFairCommands() {
    }

    public record RecordJobFair(@TargetAggregateIdentifier String jobFairId, String countyCode, String name,
                                LocalDate heldOn, int employers, int positionsOffered, int attendance) {
    }

    public record JobFairHeldEvent(String jobFairId, String countyCode, String name, LocalDate heldOn, int employers,
                                   int positionsOffered, int attendance) {
    }
}
