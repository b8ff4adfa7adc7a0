package cn.changdu.labour.contracts.employment;

/** The five transfer-employment channels of the plan (measures 7–11). */
public enum TransferChannel {
    /** 组织化区外劳务协作: organised out-of-region labour cooperation. */
    ORGANISED_OUT_OF_REGION,
    /** 工程项目带动: public investment and key construction projects. */
    CONSTRUCTION_PROJECT,
    /** 产业吸纳: local industries and cooperatives. */
    LOCAL_INDUSTRY,
    /** 社会力量: HR agencies and labour brokers recognised by HR. */
    SOCIAL_FORCES,
    /** 非公企业: private enterprises. */
    PRIVATE_ENTERPRISE
}
