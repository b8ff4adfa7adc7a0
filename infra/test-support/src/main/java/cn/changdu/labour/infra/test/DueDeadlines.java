package cn.changdu.labour.infra.test;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.ScheduledExecution;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Runs the deadlines that are due by the service's (test-driven) clock now, instead of at the scheduler's next
 * poll, and waits until they have run.
 */
public final class DueDeadlines {

    private DueDeadlines() {
    }

    public static void run(Scheduler scheduler, Clock clock) {
        scheduler.triggerCheckForDueExecutions();
        Instant giveUp = Instant.now().plus(Duration.ofSeconds(30));
        while (anyDue(scheduler, clock.instant())) {
            if (Instant.now().isAfter(giveUp)) {
                throw new AssertionError("deadlines due at " + clock.instant() + " did not run within 30 s");
            }
            scheduler.triggerCheckForDueExecutions();
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static boolean anyDue(Scheduler scheduler, Instant now) {
        boolean[] due = {false};
        scheduler.fetchScheduledExecutions(execution -> {
            if (!execution.getExecutionTime().isAfter(now) || execution.isPicked()) {
                due[0] = true;
            }
        });
        return due[0];
    }
}
