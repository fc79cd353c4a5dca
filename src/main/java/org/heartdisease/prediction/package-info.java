/**
 * The {@code predict} function: payload, diagnosis, validation, and the model bean it runs over.
 */
package org.heartdisease.prediction;
