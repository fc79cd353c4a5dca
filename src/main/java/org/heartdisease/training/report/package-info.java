/**
 * What a training run tells its reader: the report printed by {@code --train} and the model card
 * written beside the artifact (a Markdown page, with its ROC and calibration plots as SVG). The
 * card's prose is a template resource, {@code training/model-card.md}, which {@code ModelCardMarkdown}
 * fills in with the run's figures. It only describes results that {@code fit} computed; it computes
 * no score of its own beyond summarising them.
 */
package org.heartdisease.training.report;
