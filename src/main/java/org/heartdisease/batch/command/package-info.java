/**
 * The {@code --score} command: a file, or standard input, scored by the batch scorer into a file
 * renamed into place when complete, or standard output, with its manifest beside it; and
 * {@link org.heartdisease.batch.command.ScoringCommand}, the small context it starts.
 */
package org.heartdisease.batch.command;
