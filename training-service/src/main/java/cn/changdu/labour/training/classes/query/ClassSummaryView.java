package cn.changdu.labour.training.classes.query;

import cn.changdu.labour.training.classes.query.TrainingQueries.ClassSummary;

/** A class as the class list shows it (dates ISO, the pass rate as plain text). */
public record ClassSummaryView(String classId, String countyCode, String organiser, String trade, String category,
                               String deliveryMode, Boolean orderDirected, Integer plannedSize, String startDate,
                               String endDate, String status, boolean lateFiling, String completedOn, String passRate,
                               long enrolled, int inspectionCount) {

    public static ClassSummaryView of(ClassSummary c) {
        return new ClassSummaryView(c.classId(), c.countyCode(), c.organiser(), c.trade(), c.category(), c.deliveryMode(),
                c.orderDirected(), c.plannedSize(), Texts.of(c.startDate()), Texts.of(c.endDate()), c.status(),
                c.lateFiling(), Texts.of(c.completedOn()), Texts.plain(c.passRate()), c.enrolled(), c.inspectionCount());
    }
}
