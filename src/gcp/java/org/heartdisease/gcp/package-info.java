/**
 * The Google Cloud Functions surface: {@code GcpFunction}, spring-cloud-function-adapter-gcp's
 * {@code FunctionInvoker} given the method and path it would drop, serves {@code gcpPredict}, a thin
 * function over the shared {@code api.PredictionExchange}. Compiled only by the {@code gcp} Maven
 * profile.
 */
package org.heartdisease.gcp;
