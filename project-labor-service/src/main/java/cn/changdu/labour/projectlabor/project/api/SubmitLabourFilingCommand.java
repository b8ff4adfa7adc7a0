package cn.changdu.labour.projectlabor.project.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** The real-name labour statistics of the project filed with the local HR bureau (劳动用工备案). */
public record SubmitLabourFilingCommand(
        @TargetAggregateIdentifier String projectId,
        String filingId,
        String hrOffice,
        String reference,
        LocalDate filedOn) {
}
