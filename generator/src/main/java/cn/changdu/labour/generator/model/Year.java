package cn.changdu.labour.generator.model;

import java.util.List;

/**
 * A generated Changdu year: everything the counties and departments record, as data. It is the same for the same
 * {@link Scale} (seed, scale, until); {@code load.Requests} turns it into requests, {@code files} into import files.
 */
public record Year(Scale scale, List<TrainingClass> classes, List<DuplicateAttempt> duplicateAttempts,
                   List<Project> projects, Employment.Records employment) {

    /** Generates the year: training first (trainees are placed later), then projects, then employment. */
    public static Year generate(Scale scale) {
        People people = new People();
        TrainingGenerator.Result training = new TrainingGenerator(scale, people).generate();
        List<Project> projects = new ProjectGenerator(scale, people).generate();
        Employment.Records employment = new EmploymentGenerator(scale, people).generate(training.classes(), projects);
        return new Year(scale, training.classes(), training.duplicates(), projects, employment);
    }
}
