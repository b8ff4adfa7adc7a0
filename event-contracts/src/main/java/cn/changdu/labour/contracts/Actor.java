package cn.changdu.labour.contracts;

import java.util.Objects;

/** Who recorded a fact: a user id and the department (or county office) the user acted for. */
public record Actor(String id, String department) {
    public Actor {
        Objects.requireNonNull(id, "actor id");
        Objects.requireNonNull(department, "actor department");
    }
}
