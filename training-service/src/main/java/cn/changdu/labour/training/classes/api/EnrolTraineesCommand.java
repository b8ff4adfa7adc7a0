package cn.changdu.labour.training.classes.api;

import java.util.List;

/**
 * Enrols one or many people in a class, all or nothing: each goes on the class's roster and on the person's own
 * training record (which holds the cross-class rules) in one unit of work.
 */
public record EnrolTraineesCommand(String classId, List<Enrolment> enrolments) {
}
