package cn.changdu.labour.employment.placement.app;

import java.util.Collection;
import java.util.Set;

/** Read port: the ids among these of registered relocated households, one read for all. */
public interface RegisteredHouseholds {

    Set<String> registered(Collection<String> householdIds);
}
