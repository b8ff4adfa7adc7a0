package cn.changdu.labour.employment.urban.api;

public record LabourForceBaseSetEvent(String countyCode, int year, long labourForce) {
}
