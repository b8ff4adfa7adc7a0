package cn.changdu.labour.contracts.employment;

/** Where the job is, seen from the worker's home county. */
public enum Destination {
    IN_COUNTY,
    IN_TIBET,
    OUT_OF_REGION
}
