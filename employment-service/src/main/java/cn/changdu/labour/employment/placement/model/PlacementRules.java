package cn.changdu.labour.employment.placement.model;

import cn.changdu.labour.contracts.employment.Destination;
import cn.changdu.labour.contracts.employment.OrganisedBy;
import cn.changdu.labour.contracts.employment.TransferChannel;
import cn.changdu.labour.employment.placement.api.PlacementDetails;
import cn.changdu.labour.kernel.Money;
import cn.changdu.labour.kernel.RuleViolation;

import java.math.BigDecimal;

/**
 * The rules a placement must meet on its own (not depending on the person's other placements): used by the
 * {@link Worker} aggregate and, before anything is sent, by the bulk import.
 */
public final class PlacementRules {

    private PlacementRules() {
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
