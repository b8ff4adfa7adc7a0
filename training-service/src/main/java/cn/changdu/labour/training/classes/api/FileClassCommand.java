package cn.changdu.labour.training.classes.api;

import cn.changdu.labour.training.plan.api.TrainingCategory;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Files a class (开班报备). Optional parts default sensibly: organiser type INSTITUTION, category from the trade
 * catalogue, delivery VILLAGE (the plan's main mode), general curriculum included (the plan requires it).
 *
 * @param subsidyStandard    yuan per trainee, without the 450 yuan general-curriculum add-on; null when not yet set
 * @param lateFilingReason   with lateFilingApprover: the approval that allows filing later than the rule
 */
public record FileClassCommand(
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
        boolean generalCurriculum,
        BigDecimal subsidyStandard,
        String lateFilingReason,
        String lateFilingApprover) {

    /** The original filing: the defaults for everything else. */
    public FileClassCommand(String classId, String countyCode, String organiser, String trade, int plannedSize,
                            LocalDate startDate, LocalDate endDate) {
        this(classId, countyCode, organiser, trade, plannedSize, startDate, endDate, null, null, null, false, null,
                true, null, null, null);
    }
}
