package cn.changdu.labour.contracts.employment;

/** What the 3-month check found. */
public enum VerificationStatus {
    /** 稳定在岗: still in the job. */
    STILL_EMPLOYED,
    /** 已变换岗位: still working, in another job. */
    CHANGED_JOB,
    /** 未在岗: no longer working. */
    NOT_EMPLOYED
}
