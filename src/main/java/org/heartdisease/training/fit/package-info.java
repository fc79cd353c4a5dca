/**
 * Fitting and evaluating the heart-disease model: reading the training data (its sources and
 * formats), the seeded stratified split and cross-validation, LIBLINEAR's logistic regression, the
 * training pipeline that turns a run's settings into a complete artifact, the metrics and curves of
 * its evaluation, and the quality gate's decision on whether a candidate may replace the published
 * model. No command line and no output here: {@code command} drives it, {@code report} describes it.
 */
package org.heartdisease.training.fit;
