package cn.changdu.labour.training.classes.query;

import java.util.List;

/**
 * When after-training work is due, in days after a class ends (built from {@code training.recommendation-due-days}
 * and {@code training.follow-up-due-days} in application.yml).
 *
 * @param recommendation by when every qualified trainee has a job recommendation (30)
 * @param followUps      by when the first, second … follow-up is due (30, 90)
 */
public record AfterTrainingDueDays(int recommendation, List<Integer> followUps) {

    public AfterTrainingDueDays {
        followUps = List.copyOf(followUps);
    }
}
