package cn.changdu.labour.employment.placement.model;

import cn.changdu.labour.contracts.employment.Destination;
import cn.changdu.labour.contracts.employment.OrganisedBy;
import cn.changdu.labour.contracts.employment.TransferChannel;
import cn.changdu.labour.employment.placement.api.PlacementDetails;
import cn.changdu.labour.kernel.Money;
import cn.changdu.labour.kernel.RuleViolation;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;

/**
 * The rules of a placement: those it must meet on its own and one active placement per person, used by the
 * {@link Worker} aggregate and, before anything is sent, by the bulk import; and those on the records it names
 * (intermediary, household, job fair), other aggregates, checked against what their views know before the command
 * is sent (residual race: an intermediary suspended between the check and the command's commit is not caught; the
 * views lag by well under a second, and the intermediary service subsidy checks the intermediary again).
 */
public final class PlacementRules {

    public static final String ONE_ACTIVE_PLACEMENT = "one-active-placement-per-person";
    /** The status the intermediaries' view gives a recognised intermediary that is not suspended. */
    public static final String RECOGNISED = "RECOGNISED";

    private PlacementRules() {
    }

    /** What the views know of the records placements name: intermediaries' statuses, households, job fairs. */
    public record NamedRecords(Map<String, String> intermediaryStatuses, Set<String> registeredHouseholds,
                               Set<String> heldJobFairs) {
    }

    /** A person has at most one active placement at a time. */
    public static void requireNoActivePlacement(boolean activelyPlaced) {
        if (activelyPlaced) {
            throw new RuleViolation(ONE_ACTIVE_PLACEMENT, "residentId", "此人已有在岗的就业记录，须先登记离岗才能再次登记");
        }
    }

    /** The same rule for a row of a file: the person neither has an active placement nor is in an earlier row. */
    public static void requireNoActivePlacement(boolean activelyPlaced, boolean inAnEarlierRow) {
        if (activelyPlaced || inAnEarlierRow) {
            throw new RuleViolation(ONE_ACTIVE_PLACEMENT, "residentId",
                    "此人已有在岗的就业记录（或在本文件中重复），须先登记离岗才能再次登记");
        }
    }

    /** The intermediary, household and job fair a placement names are known (and the intermediary recognised). */
    public static void checkNamedRecords(TransferChannel channel, PlacementDetails details, NamedRecords known) {
        if (details.intermediaryId() != null && channel == TransferChannel.SOCIAL_FORCES) {
            requireRecognised(details.intermediaryId(), known.intermediaryStatuses().get(details.intermediaryId()));
        }
        if (details.householdId() != null && !known.registeredHouseholds().contains(details.householdId())) {
            throw new RuleViolation("household-registered", "householdId",
                    "未找到编号为 " + details.householdId() + " 的易地搬迁户，请先登记该户");
        }
        if (details.jobFairId() != null && !known.heldJobFairs().contains(details.jobFairId())) {
            throw new RuleViolation("job-fair-held", "jobFairId", "未找到编号为 " + details.jobFairId() + " 的招聘活动");
        }
    }

    /** An intermediary of a placement (or of its subsidy) is recognised; {@code status} is null when unknown. */
    public static void requireRecognised(String intermediaryId, String status) {
        if (!RECOGNISED.equals(status)) {
            throw new RuleViolation("intermediary-recognised", "intermediaryId", status == null
                    ? "未找到编号为 " + intermediaryId + " 的经人社部门认定的中介机构"
                    : "该中介机构已被暂停认定");
        }
    }

    public static void check(TransferChannel channel, Destination destination, BigDecimal expectedMonthlyIncome,
                             PlacementDetails details) {
        if (expectedMonthlyIncome != null && !Money.isPositiveToTheFen(expectedMonthlyIncome)) {
            throw new RuleViolation("income-exact-to-the-fen", "expectedMonthlyIncome", "月收入须为正数，最多两位小数");
        }
        if (details.intermediaryId() != null && channel != TransferChannel.SOCIAL_FORCES) {
            throw new RuleViolation("intermediary-only-for-social-forces", "intermediaryId",
                    "只有社会力量渠道的就业登记才能填写中介机构");
        }
        if (details.destinationProvince() != null && destination != Destination.OUT_OF_REGION) {
            throw new RuleViolation("province-only-out-of-region", "destinationProvince",
                    "只有区外就业才能填写就业省份");
        }
        if (details.projectId() != null && channel != TransferChannel.CONSTRUCTION_PROJECT) {
            throw new RuleViolation("project-only-for-construction", "projectId",
                    "只有工程项目带动渠道的就业登记才能填写项目");
        }
        if (channel == TransferChannel.ORGANISED_OUT_OF_REGION && details.organisedBy() == OrganisedBy.SELF) {
            throw new RuleViolation("organised-channel-needs-an-organiser", "organisedBy",
                    "组织化劳务协作渠道须由政府、劳动力市场主体或务工联队组织");
        }
    }
}
