/**
 * Training the heart-disease model: reading the data, fitting LIBLINEAR's logistic regression,
 * evaluating it, and writing the artifact when the application is started with {@code --train}.
 */
package org.heartdisease.training;
