package cn.changdu.labour.projectlabor.project.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Replaces the changeable particulars; county and owning department stay as registered. */
public record UpdateProjectCommand(
        @TargetAggregateIdentifier String projectId,
        String name,
        boolean governmentInvested,
        int plannedWorkforce,
        ProjectDetails details) {
}
