package cn.changdu.labour.training.classes.api;

/** The plan's five inspection items (督导检查). */
public enum InspectionItem {
    /** 培训机构办学合规. */
    ORGANISER_COMPLIANCE,
    /** 学员出勤. */
    TRAINEE_ATTENDANCE,
    /** 教学设备到位. */
    TEACHING_EQUIPMENT,
    /** 学员技能掌握. */
    SKILL_MASTERY,
    /** 安全管理. */
    SAFETY_MANAGEMENT
}
