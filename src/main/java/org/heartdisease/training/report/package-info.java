/**
 * What a training run tells its reader: the report printed by {@code --train} and the model card
 * written beside the artifact (a Markdown page, with its ROC and calibration plots as SVG). It only describes results that
 * {@code fit} computed; it computes no score of its own beyond summarising them.
 */
package org.heartdisease.training.report;
