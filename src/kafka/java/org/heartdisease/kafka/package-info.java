/**
 * The Kafka surface: Spring Cloud Stream's Kafka binder binds {@code predictKafka}, a thin function
 * over the shared {@code api.PredictionExchange}, to an input topic of payloads; answers go to the
 * output topic, problems to the dead-letter topic, one record per input, within the poll's Kafka
 * transaction. Compiled only by the {@code kafka} Maven profile.
 */
package org.heartdisease.kafka;
