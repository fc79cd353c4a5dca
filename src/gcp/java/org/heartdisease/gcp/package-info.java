/**
 * The Google Cloud Functions surface: {@code GcpFunction}, spring-cloud-function-adapter-gcp's
 * {@code FunctionInvoker} with one method of its own, hands each request to {@code gcpPredict}, the
 * shared {@code api.PredictionExchange}. Compiled only by the {@code gcp} Maven profile.
 */
package org.heartdisease.gcp;
