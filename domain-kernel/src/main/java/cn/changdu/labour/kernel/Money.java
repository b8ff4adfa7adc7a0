package cn.changdu.labour.kernel;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Yuan amounts: exact decimals with at most two places (the fen); never floating point. */
public final class Money {

    private Money() {
    }

    /** Whether the amount is positive and exact to the fen. */
    public static boolean isPositiveToTheFen(BigDecimal amount) {
        return amount != null && amount.signum() > 0 && amount.stripTrailingZeros().scale() <= 2;
    }

    /**
     * The same amount of yuan written with its two places of fen, e.g. 5400 → 5400.00; an amount with a finer
     * part than the fen is refused ({@link ArithmeticException}), never rounded.
     */
    public static BigDecimal yuanToTheFen(BigDecimal yuan) {
        return yuan.setScale(2, RoundingMode.UNNECESSARY);
    }
}
