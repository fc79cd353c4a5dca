package org.heartdisease.api;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.cloud.function.context.config.ContextFunctionCatalogAutoConfiguration;
import org.springframework.context.annotation.Configuration;

/**
 * The only auto-configurations a cloud function uses, imported by name: the cloud packages switch Spring
 * Boot's auto-configuration off ({@code spring.boot.enableautoconfiguration=false} in
 * {@code cloud-function.properties}), so that nothing else is considered at build time (Spring AOT) or at
 * a start. These four are what the condition report of the AWS and GCP packages showed in use: the
 * {@code heart.*} settings' binding and placeholders, Boot's ObjectMapper (the model's description, and
 * Spring Cloud Function's JSON), and the function catalog the adapters look the function up in. The AWS
 * adapter adds its own {@code AWSCompanionAutoConfiguration}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "spring.boot.enableautoconfiguration", havingValue = "false")
@ImportAutoConfiguration({ PropertyPlaceholderAutoConfiguration.class, ConfigurationPropertiesAutoConfiguration.class,
		JacksonAutoConfiguration.class, ContextFunctionCatalogAutoConfiguration.class })
class FunctionAutoConfiguration {

}
