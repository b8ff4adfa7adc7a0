package cn.changdu.labour.employment.placement.app;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.math.BigDecimal;

/**
 * Eligibility and amounts of employment's subsidies ({@code employment.subsidies.*}); the plan leaves the standards
 * to the city, so they are configuration.
 */
@ConfigurationProperties("employment.subsidies")
public record SubsidyProperties(@DefaultValue OutOfRegion outOfRegion, @DefaultValue Intermediary intermediary) {

    /** 区外就业补贴: per placement out of the region. */
    public record OutOfRegion(@DefaultValue("1000.00") BigDecimal amount,
                              @DefaultValue("true") boolean requireGovernmentOrganised,
                              @DefaultValue("true") boolean requireVerifiedEmployment) {
    }

    /** 职业中介服务补贴: per worker a recognised intermediary delivered. */
    public record Intermediary(@DefaultValue("300.00") BigDecimal amount,
                               @DefaultValue("true") boolean requireVerifiedEmployment) {
    }
}
