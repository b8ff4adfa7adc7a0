package cn.changdu.labour.contracts.employment;

/** Labour-market actors of measure 12. */
public enum IntermediaryKind {
    /** 人力资源服务机构 */
    HR_AGENCY,
    /** 劳务经纪人 */
    LABOUR_BROKER,
    /** 务工联队 (per township or relocation site) */
    WORK_TEAM,
    /** 村级转移就业合作社 */
    TRANSFER_COOPERATIVE
}
