package cn.changdu.labour.training.classes.api;

public enum OrganiserType {
    /** 培训机构. */
    INSTITUTION,
    /** 企业. */
    ENTERPRISE
}
