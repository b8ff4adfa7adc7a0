package cn.changdu.labour.projectlabor.project.api;

public enum DisputeCategory {
    WAGE_ARREARS,
    LABOUR_CONTRACT,
    SOCIAL_INSURANCE,
    WORK_INJURY,
    OTHER
}
