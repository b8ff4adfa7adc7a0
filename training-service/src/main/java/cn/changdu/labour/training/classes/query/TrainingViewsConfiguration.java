package cn.changdu.labour.training.classes.query;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@value TrainingViews#PROCESSING_GROUP} processor: a failed view update fails its batch (rows and token roll
 * back together, and the batch is retried) instead of Axon's default, which logs the failure and moves on, leaving
 * the view without the event for good.
 */
@Configuration(proxyBeanMethods = false)
public class TrainingViewsConfiguration {

    @Bean
    public ConfigurerModule trainingViewsFailTheirBatch() {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerListenerInvocationErrorHandler(TrainingViews.PROCESSING_GROUP,
                        c -> PropagatingErrorHandler.instance()));
    }
}
