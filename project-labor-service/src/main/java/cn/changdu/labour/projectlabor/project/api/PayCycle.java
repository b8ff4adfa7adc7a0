package cn.changdu.labour.projectlabor.project.api;

/** How a roster member's wage rate is meant. */
public enum PayCycle {
    /** the rate is a monthly wage (月薪); a part month is paid pro rata by calendar days */
    MONTHLY,
    /** the rate is a day wage (日薪); the payroll says the days worked, else calendar days on the roster */
    DAILY
}
