package cn.changdu.labour.training.plan.api;

public enum EmploymentStatus {
    EMPLOYED,
    SELF_EMPLOYED,
    NOT_EMPLOYED;

    public boolean employed() {
        return this != NOT_EMPLOYED;
    }
}
