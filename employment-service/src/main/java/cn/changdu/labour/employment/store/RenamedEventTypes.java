package cn.changdu.labour.employment.store;

import cn.changdu.labour.employment.households.api.RelocatedHouseholdRegisteredEvent;
import cn.changdu.labour.employment.intermediaries.api.IntermediaryRecognisedEvent;
import cn.changdu.labour.employment.intermediaries.api.IntermediarySuspendedEvent;
import cn.changdu.labour.employment.jobfairs.api.JobFairHeldEvent;
import cn.changdu.labour.employment.jobs.api.JobPostingFilledEvent;
import cn.changdu.labour.employment.jobs.api.JobPostingPublishedEvent;
import cn.changdu.labour.employment.jobs.api.JobPostingWithdrawnEvent;
import cn.changdu.labour.employment.urban.api.LabourForceBaseSetEvent;
import cn.changdu.labour.employment.urban.api.UnemploymentEndedEvent;
import cn.changdu.labour.employment.urban.api.UnemploymentRegisteredEvent;
import cn.changdu.labour.employment.urban.api.UrbanEmploymentRegisteredEvent;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Events stored before their records had a file each carry the payload type of the holder class they were nested in
 * ({@code ...jobs.api.JobPostingCommands$JobPostingPublishedEvent}); read from the store (aggregates, views, relay)
 * they become the record of the same name and fields. Axon's Spring Boot auto-configuration registers every
 * {@code EventUpcaster} bean with the configuration whose upcaster chain the event storage engine reads through.
 */
@Component
public class RenamedEventTypes extends SingleEventUpcaster {

    private static final String ROOT = "cn.changdu.labour.employment.";

    /** Old payload type (holder$Record) to the record's own class. */
    static final Map<String, String> RENAMED = Stream.of(
                    renamed("households.api.HouseholdCommands", RelocatedHouseholdRegisteredEvent.class),
                    renamed("intermediaries.api.IntermediaryCommands", IntermediaryRecognisedEvent.class),
                    renamed("intermediaries.api.IntermediaryCommands", IntermediarySuspendedEvent.class),
                    renamed("jobfairs.api.JobFairCommands", JobFairHeldEvent.class),
                    renamed("jobs.api.JobPostingCommands", JobPostingPublishedEvent.class),
                    renamed("jobs.api.JobPostingCommands", JobPostingFilledEvent.class),
                    renamed("jobs.api.JobPostingCommands", JobPostingWithdrawnEvent.class),
                    renamed("urban.api.UrbanCommands", UrbanEmploymentRegisteredEvent.class),
                    renamed("urban.api.UrbanCommands", UnemploymentRegisteredEvent.class),
                    renamed("urban.api.UrbanCommands", UnemploymentEndedEvent.class),
                    renamed("urban.api.UrbanCommands", LabourForceBaseSetEvent.class))
            .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));

    private static Map.Entry<String, String> renamed(String holder, Class<?> event) {
        return Map.entry(ROOT + holder + "$" + event.getSimpleName(), event.getName());
    }

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation event) {
        return RENAMED.containsKey(event.getType().getName());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation event) {
        // only the name changes: the JSON is read as it was stored
        return event.upcastPayload(new SimpleSerializedType(RENAMED.get(event.getType().getName()),
                event.getType().getRevision()), byte[].class, Function.identity());
    }
}
