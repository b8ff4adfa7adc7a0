package cn.changdu.labour.projectlabor.project.app;

import cn.changdu.labour.support.web.NotFound;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Service;

/**
 * Whether a project was ever registered, asked of the event store (the project's last sequence number, one indexed
 * read) rather than of the views, which may not yet show a project registered a moment ago. A request naming an
 * unknown project is a 404 before anything is done or read for it.
 */
@Service
public class KnownProjects {

    private final EventStore eventStore;

    public KnownProjects(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    public void require(String projectId) {
        if (eventStore.lastSequenceNumberFor(projectId).isEmpty()) {
            throw new NotFound("未找到编号为 " + projectId + " 的项目");
        }
    }
}
