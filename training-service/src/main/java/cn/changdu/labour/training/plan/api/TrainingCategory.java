package cn.changdu.labour.training.plan.api;

/** Training categories of the plan (measures 1–2): the five major projects, railway reserve, tourism trades. */
public enum TrainingCategory {
    /** 订单式、定岗式、企业代包式 training for hydropower and mining. */
    HYDROPOWER_MINING,
    /** 产业园区 training. */
    INDUSTRY_PARK,
    /** construction skills for relocation and new-village building (易地搬迁、新村建设). */
    CONSTRUCTION_RELOCATION,
    /** 蓝天圣洁 industries. */
    BLUE_SKY_INDUSTRIES,
    /** 民族手工艺. */
    ETHNIC_HANDICRAFTS,
    /** 川藏铁路 reserve training: rebar workers, welders, electricians. */
    RAILWAY_RESERVE,
    /** tourism trades along national roads 317/318. */
    TOURISM_TRADES,
    /** other trades the plan names (housekeeping, elderly care, e-commerce, car repair …). */
    OTHER_TRADES
}
