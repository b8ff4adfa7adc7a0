package cn.changdu.labour.training.classes.api;

/** How a class is delivered. */
public enum DeliveryMode {
    /** 送培下乡: taken to the villages (the plan's main mode). */
    VILLAGE,
    /** 集中培训. */
    CENTRALISED,
    /** 援藏省市: by a partner province. */
    PARTNER_PROVINCE
}
