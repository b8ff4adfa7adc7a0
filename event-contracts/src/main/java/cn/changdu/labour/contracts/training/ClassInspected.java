package cn.changdu.labour.contracts.training;

import cn.changdu.labour.contracts.EventType;
import cn.changdu.labour.contracts.IntegrationEvent;

import java.time.LocalDate;
import java.util.List;

/**
 * A class was inspected on the plan's five items (组织合规, 学员出勤, 教学设备, 技能掌握, 安全管理).
 *
 * @param inspectionNumber 1 for the class's first inspection, 2 for the second …
 * @param failedItems      names of the items found wanting (InspectionItem names), empty when all passed
 */
@EventType(name = "training.ClassInspected", version = 1)
public record ClassInspected(
        String classId,
        String countyCode,
        LocalDate inspectedOn,
        int inspectionNumber,
        List<String> failedItems) implements IntegrationEvent {
}
