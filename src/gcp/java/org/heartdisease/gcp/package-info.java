/**
 * The Google Cloud Functions surface: spring-cloud-function-adapter-gcp's {@code FunctionInvoker}
 * serves {@code gcpPredict}, a thin function over the shared {@code api.PredictionExchange}. Compiled
 * only by the {@code gcp} Maven profile.
 */
package org.heartdisease.gcp;
