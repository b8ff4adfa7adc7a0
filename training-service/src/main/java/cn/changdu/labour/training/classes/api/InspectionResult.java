package cn.changdu.labour.training.classes.api;

/** One of the five items of an inspection: passed or not, with remarks. */
public record InspectionResult(InspectionItem item, boolean passed, String remarks) {
}
