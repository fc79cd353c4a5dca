package org.heartdisease.web;

import org.heartdisease.api.PredictionExchange;
import org.heartdisease.api.RequestLimits;
import org.heartdisease.prediction.ConditionalOnServing;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;

/**
 * The local HTTP surface: spring-cloud-function-web serves {@code predict}; this adds the gate, and
 * writes the function controller's answers without a second dispatch.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnServing
class WebConfiguration {

	@Bean
	FilterRegistrationBean<PredictionRequestFilter> predictionRequestFilter(PredictionExchange exchange,
			RequestLimits limits) {
		FilterRegistrationBean<PredictionRequestFilter> registration = new FilterRegistrationBean<>(
				new PredictionRequestFilter(exchange, limits));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 100);
		return registration;
	}

	@Bean
	static BeanPostProcessor completedFunctionAnswerHandlerInstaller() {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (bean instanceof RequestMappingHandlerAdapter adapter) {
					CompletedFunctionAnswerHandler.install(adapter);
				}
				return bean;
			}

		};
	}

}
