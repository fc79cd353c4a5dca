/**
 * The AWS Lambda surface: the adapter's {@code FunctionInvoker} hands each raw event to
 * {@link org.heartdisease.aws.LambdaEventFunction}, which answers it through the shared
 * {@link org.heartdisease.api.PredictionExchange}; built only by the {@code aws} Maven profile.
 */
package org.heartdisease.aws;
