package cn.changdu.labour.employment.placement.api;

import java.math.BigDecimal;

/** The configured eligibility of the out-of-region subsidy, passed with the command so the aggregate stays pure. */
public record OutOfRegionSubsidyPolicy(BigDecimal amount, boolean requireGovernmentOrganised,
                                       boolean requireVerifiedEmployment) {
}
