/**
 * The {@code --drift} command: the population stability index of each field between the model's training
 * data and a file of payloads or a metrics export, as a table, a JSON report and an SVG chart.
 */
package org.heartdisease.monitoring.command;
