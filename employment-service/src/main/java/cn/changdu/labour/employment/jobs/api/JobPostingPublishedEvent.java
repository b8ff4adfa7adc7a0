package cn.changdu.labour.employment.jobs.api;

import cn.changdu.labour.contracts.employment.Destination;

import java.math.BigDecimal;
import java.time.LocalDate;

public record JobPostingPublishedEvent(String postingId, String countyCode, String employer, String sector,
                                       int positions, BigDecimal monthlyWage, Destination region, String province,
                                       LocalDate publishedOn) {
}
