package cn.changdu.labour.employment.placement.api;

import java.time.LocalDate;

/** Payload of the 3-month verification deadline of one placement. */
public record VerificationDue(String placementId, LocalDate dueOn) {

    public static final String DEADLINE = "employment-verification-due";
}
