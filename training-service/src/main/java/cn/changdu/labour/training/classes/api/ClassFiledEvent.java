package cn.changdu.labour.training.classes.api;

import cn.changdu.labour.training.plan.api.TrainingCategory;

import java.math.BigDecimal;
import java.time.LocalDate;

/** Fields after endDate were added later: events stored before read them as null/false. */
public record ClassFiledEvent(
        String classId,
        String countyCode,
        String organiser,
        String trade,
        int plannedSize,
        LocalDate startDate,
        LocalDate endDate,
        OrganiserType organiserType,
        TrainingCategory category,
        DeliveryMode deliveryMode,
        boolean orderDirected,
        String employer,
        Boolean generalCurriculum,
        BigDecimal subsidyStandard,
        LocalDate filedOn,
        LocalDate latestFilingDate) {

    public ClassFiledEvent(String classId, String countyCode, String organiser, String trade, int plannedSize,
                           LocalDate startDate, LocalDate endDate) {
        this(classId, countyCode, organiser, trade, plannedSize, startDate, endDate, null, null, null, false, null,
                null, null, null, null);
    }
}
