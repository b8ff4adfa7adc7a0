package cn.changdu.labour.employment.placement.app;

import java.util.Collection;
import java.util.Set;

/** Read port: the ids among these of job fairs that were held, one read for all. */
public interface HeldJobFairs {

    Set<String> held(Collection<String> jobFairIds);
}
