package cn.changdu.labour.employment.jobfairs.api;

import java.time.LocalDate;

public record JobFairHeldEvent(String jobFairId, String countyCode, String name, LocalDate heldOn, int employers,
                               int positionsOffered, int attendance) {
}
