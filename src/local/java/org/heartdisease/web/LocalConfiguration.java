package org.heartdisease.web;

import java.util.Map;

import org.heartdisease.api.PredictionExchange;
import org.heartdisease.prediction.ConditionalOnServing;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.handler.SimpleUrlHandlerMapping;

/**
 * Tomcat's two servlets: {@link ExchangeServlet} as the default servlet ({@code /}, every path no other
 * mapping takes), and Spring MVC's dispatcher under {@code /actuator/*} for the health endpoint
 * ({@code spring.mvc.servlet.path} and {@code management.endpoints.web.base-path} in
 * {@code config/application.properties}), falling back on the exchange for the rest of {@code /actuator}.
 * The exchange and the model start with the server, so a broken model still stops it; the rest of the
 * context is lazy ({@code spring.main.lazy-initialization}), so MVC and Actuator start on the first
 * {@code /actuator} request, not before the first answer.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnServing
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class LocalConfiguration {

	@Bean
	ExchangeServlet exchangeServlet(PredictionExchange exchange) {
		return new ExchangeServlet(exchange);
	}

	@Bean
	ServletRegistrationBean<ExchangeServlet> exchangeServletRegistration(ExchangeServlet servlet) {
		ServletRegistrationBean<ExchangeServlet> registration = new ServletRegistrationBean<>(servlet, "/");
		registration.setName("exchange");
		registration.setLoadOnStartup(1);
		return registration;
	}

	/** Under {@code /actuator}, what no endpoint maps is the exchange's, as everywhere else. */
	@Bean
	SimpleUrlHandlerMapping exchangeUnderActuator(ExchangeServlet servlet) {
		return new SimpleUrlHandlerMapping(Map.of("/**", servlet), Ordered.LOWEST_PRECEDENCE);
	}

}
