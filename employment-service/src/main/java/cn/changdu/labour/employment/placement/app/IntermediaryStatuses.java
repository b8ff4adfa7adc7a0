package cn.changdu.labour.employment.placement.app;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/** Read port: intermediaries' statuses (RECOGNISED or SUSPENDED) as their view knows them. */
public interface IntermediaryStatuses {

    /** One intermediary's status, empty when unknown. */
    Optional<String> status(String intermediaryId);

    /** The status of each known intermediary among the ids (unknown ones absent), one read for all. */

    Map<String, String> statuses(Collection<String> intermediaryIds);
}
