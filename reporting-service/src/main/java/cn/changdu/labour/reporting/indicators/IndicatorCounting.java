package cn.changdu.labour.reporting.indicators;

import cn.changdu.labour.reporting.projection.Counting;
import org.springframework.stereotype.Component;

import java.util.List;

/** The projection counts what the catalogue's indicators define. */
@Component
public class IndicatorCounting implements Counting.Catalogue {

    @Override
    public List<Counting> countings() {
        return IndicatorCatalog.countings();
    }
}
