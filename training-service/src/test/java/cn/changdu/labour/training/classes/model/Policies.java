package cn.changdu.labour.training.classes.model;

import cn.changdu.labour.training.plan.api.TrainingCategory;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

/** The plan's numbers as tests use them: 2020 holidays around Labour Day and the catalogue's trades. */
public final class Policies {

    public static final TrainingPolicy PLAN = new TrainingPolicy(5,
            Set.of(LocalDate.of(2020, 5, 1), LocalDate.of(2020, 5, 4), LocalDate.of(2020, 5, 5)),
            Set.of(LocalDate.of(2020, 4, 26), LocalDate.of(2020, 5, 9)),
            Map.of("电工", TrainingCategory.RAILWAY_RESERVE, "焊工", TrainingCategory.RAILWAY_RESERVE,
                    "藏式烹饪", TrainingCategory.TOURISM_TRADES, "唐卡绘画", TrainingCategory.ETHNIC_HANDICRAFTS),
            new BigDecimal("450.00"), new BigDecimal("0.80"), 2);

    private Policies() {
    }
}
