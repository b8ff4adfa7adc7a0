package cn.changdu.labour.training.classes.query;

import java.util.List;

/**
 * A qualified trainee whose after-training work is overdue: which steps ({@code RECOMMENDATION},
 * {@code FOLLOW_UP_n}), and since when the oldest of them is due.
 */
public record OverdueTraineeView(String classId, String countyCode, String organiser, String personKey,
                                 List<String> overdue, String dueSince, long daysOverdue, int recommendations,
                                 int followUps) {
}
