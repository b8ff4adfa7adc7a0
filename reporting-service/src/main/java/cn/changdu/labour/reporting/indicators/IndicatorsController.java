package cn.changdu.labour.reporting.indicators;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/reports")
public class IndicatorsController {

    private final Indicators indicators;

    public IndicatorsController(Indicators indicators) {
        this.indicators = indicators;
    }

    @Operation(summary = "Live indicators, city-wide and per county, with the projection's position per topic")
    @GetMapping("/indicators")
    public Indicators.Report indicators() {
        return indicators.current();
    }
}
