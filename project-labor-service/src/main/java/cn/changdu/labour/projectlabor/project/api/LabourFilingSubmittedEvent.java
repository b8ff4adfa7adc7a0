package cn.changdu.labour.projectlabor.project.api;

import java.time.LocalDate;

/** @param workers / localWorkers the active roster at filing time */
public record LabourFilingSubmittedEvent(
        String projectId,
        String filingId,
        String hrOffice,
        String reference,
        LocalDate filedOn,
        int workers,
        int localWorkers,
        String countyCode,
        String department) {
}
