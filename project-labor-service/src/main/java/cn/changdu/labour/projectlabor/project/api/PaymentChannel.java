package cn.changdu.labour.projectlabor.project.api;

/** How a wage reached the worker. */
public enum PaymentChannel {
    /** 农民工工资专用账户 paid through the bank to the worker's own account */
    WAGE_SPECIAL_ACCOUNT,
    /** other bank transfer to the worker's account */
    BANK_TRANSFER,
    CASH,
    OTHER
}
