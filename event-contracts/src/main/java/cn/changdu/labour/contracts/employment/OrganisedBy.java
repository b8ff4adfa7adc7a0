package cn.changdu.labour.contracts.employment;

/** Who organised a placement (measure 12: labour-market bodies, work teams 务工联队, the government). */
public enum OrganisedBy {
    /** 政府组织: a government department (HR bureau, county government). */
    GOVERNMENT,
    /** 劳动力市场主体: a labour-market body (HR agency, broker, transfer cooperative). */
    LABOUR_MARKET_BODY,
    /** 务工联队: the work team of a township or relocation site. */
    WORK_TEAM,
    /** 自主就业: the worker found the job alone. */
    SELF
}
