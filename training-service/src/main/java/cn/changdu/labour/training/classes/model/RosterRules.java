package cn.changdu.labour.training.classes.model;

import cn.changdu.labour.kernel.RuleViolation;

/**
 * The rules of a class's roster, in one place: the class ({@link TrainingClass}) enforces them on each enrolment, and
 * the roster import checks its rows against them (with the roster a read model shows) before sending anything.
 */
public final class RosterRules {

    public static final String SIZE_WITHIN_PLAN = "class-size-within-plan";
    public static final String ENROLLED_ONCE = "trainee-enrolled-once-per-class";
    public static final String LISTED_ONCE = "trainee-listed-once";

    private RosterRules() {
    }

    /** A person is on a class's roster once. */
    public static void requireNotEnrolled(boolean alreadyEnrolled) {
        if (alreadyEnrolled) {
            throw new RuleViolation(ENROLLED_ONCE, "residentId", "此人已在本班报名");
        }
    }

    /** One more trainee fits the class's planned size ({@code enrolled} are on its roster now). */
    public static void requireSeat(int enrolled, int plannedSize) {
        if (enrolled >= plannedSize) {
            throw new RuleViolation(SIZE_WITHIN_PLAN, null, "班级已满：计划人数 " + plannedSize + " 人，超出须先登记计划变更");
        }
    }

    /** The same rule for the next row of a roster file: {@code taken} are the roster's and the file's rows before it. */
    public static void requireSeatForRow(int taken, int plannedSize) {
        if (taken >= plannedSize) {
            throw new RuleViolation(SIZE_WITHIN_PLAN, null, "超出计划人数 " + plannedSize + " 人，超出须先登记计划变更");
        }
    }

    /** A person is listed once in one roster file; {@code earlierRow} is the row listing them before, if any. */
    public static void requireListedOnce(Integer earlierRow) {
        if (earlierRow != null) {
            throw new RuleViolation(LISTED_ONCE, "residentId", "此人在名单中出现了不止一次（与第 " + earlierRow + " 行）");
        }
    }
}
