package cn.changdu.labour.support.domain;

import java.math.BigDecimal;

/** Yuan amounts: exact decimals with at most two places (the fen); never floating point. */
public final class Money {

    private Money() {
    }

    /** Whether the amount is positive and exact to the fen. */
    public static boolean isPositiveToTheFen(BigDecimal amount) {
        return amount != null && amount.signum() > 0 && amount.stripTrailingZeros().scale() <= 2;
    }

    /** The amount with scale 2, e.g. 5400 → 5400.00. */
    public static BigDecimal toFen(BigDecimal amount) {
        return amount.setScale(2, java.math.RoundingMode.UNNECESSARY);
    }
}
