package cn.changdu.labour.contracts.employment;

/** Why a placement ended. */
public enum EndReason {
    CONTRACT_ENDED,
    RESIGNED,
    DISMISSED,
    RETURNED_HOME,
    OTHER
}
