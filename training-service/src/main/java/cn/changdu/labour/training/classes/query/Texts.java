package cn.changdu.labour.training.classes.query;

import java.math.BigDecimal;
import java.time.LocalDate;

/** How the views write dates and amounts: ISO dates and plain decimals, as text. */
final class Texts {

    private Texts() {
    }

    static String of(LocalDate date) {
        return date == null ? null : date.toString();
    }

    static String plain(BigDecimal number) {
        return number == null ? null : number.toPlainString();
    }
}
