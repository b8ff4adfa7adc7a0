package cn.changdu.labour.projectlabor.project.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/** The contractor's payroll (工资表) for one period; a later one for the same period replaces it. */
public record SubmitPayrollCommand(
        @TargetAggregateIdentifier String projectId,
        YearMonth period,
        List<PayrollLine> lines,
        LocalDate submittedOn) {
}
