package cn.changdu.labour.employment.placement.web;

import cn.changdu.labour.contracts.employment.TransferChannel;
import cn.changdu.labour.employment.households.query.HouseholdProjection;
import cn.changdu.labour.employment.intermediaries.query.IntermediaryProjection;
import cn.changdu.labour.employment.jobfairs.query.JobFairProjection;
import cn.changdu.labour.employment.placement.api.PlacementDetails;
import cn.changdu.labour.support.domain.RuleViolation;
import org.springframework.stereotype.Component;

/**
 * Rules of a placement that span aggregates, checked against read models before the command is sent.
 * Residual race: an intermediary suspended between this check and the command's commit is not caught (the read
 * model lags by well under a second); the intermediary service subsidy checks the intermediary again.
 */
@Component
public class PlacementPreconditions {

    private final IntermediaryProjection intermediaries;
    private final HouseholdProjection households;
    private final JobFairProjection jobFairs;

    public PlacementPreconditions(IntermediaryProjection intermediaries, HouseholdProjection households,
                                  JobFairProjection jobFairs) {
        this.intermediaries = intermediaries;
        this.households = households;
        this.jobFairs = jobFairs;
    }

    public void check(TransferChannel channel, PlacementDetails details) {
        if (details.intermediaryId() != null && channel == TransferChannel.SOCIAL_FORCES) {
            requireRecognised(details.intermediaryId());
        }
        if (details.householdId() != null && !households.exists(details.householdId())) {
            throw new RuleViolation("household-registered", "householdId",
                    "未找到编号为 " + details.householdId() + " 的易地搬迁户，请先登记该户");
        }
        if (details.jobFairId() != null && !jobFairs.exists(details.jobFairId())) {
            throw new RuleViolation("job-fair-held", "jobFairId", "未找到编号为 " + details.jobFairId() + " 的招聘活动");
        }
    }

    public void requireRecognised(String intermediaryId) {
        String status = intermediaries.status(intermediaryId).orElse(null);
        if (!"RECOGNISED".equals(status)) {
            throw new RuleViolation("intermediary-recognised", "intermediaryId", status == null
                    ? "未找到编号为 " + intermediaryId + " 的经人社部门认定的中介机构"
                    : "该中介机构已被暂停认定");
        }
    }
}
